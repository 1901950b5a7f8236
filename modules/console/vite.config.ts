import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'
import { fileURLToPath } from 'node:url'

// The TypeScript client generated from openapi/wangwu-api.yaml during the Maven build (generate-sources).
const sdk = fileURLToPath(new URL('./target/sdk-ts', import.meta.url))

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
