import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'
import { fileURLToPath } from 'node:url'

// The TypeScript SDK (modules/sdk-ts), generated from openapi/wangwu-api.yaml earlier in the Maven build.
const sdk = fileURLToPath(new URL('../sdk-ts/target/sdk/src', import.meta.url))

export default defineConfig({
  plugins: [vue()],
  resolve: { alias: { '@sdk': sdk } },
  base: '/',
  build: {
    outDir: 'target/classes/META-INF/resources',
    emptyOutDir: true,
    chunkSizeWarningLimit: 3000,
  },
  test: { environment: 'node', include: ['src/**/*.test.ts'] },
})
