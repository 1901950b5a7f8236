import { createApp } from 'vue'
import { createPinia } from 'pinia'
import ElementPlus from 'element-plus'
import 'element-plus/dist/index.css'
import App from './App.vue'
import { i18n } from './i18n'
import { initAuth, session, takeReturnTo } from './auth'

async function start() {
  // Keycloak reads its answer (#state=...&code=...) from the address first: the hash router, once created,
  // would rewrite that address into a route.
  await initAuth()
  const { router } = await import('./router')
  const returnTo = session.authenticated ? takeReturnTo() : null
  if (returnTo) await router.replace(returnTo)
  createApp(App).use(createPinia()).use(i18n).use(router).use(ElementPlus).mount('#app')
}

start()
