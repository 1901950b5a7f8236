import { createApp } from 'vue'
import { createPinia } from 'pinia'
import ElementPlus from 'element-plus'
import 'element-plus/dist/index.css'
import App from './App.vue'
import { i18n } from './i18n'
import { initAuth, session, takeReturnTo } from './auth'
import { router } from './router'

async function start() {
  await initAuth()
  const returnTo = session.authenticated ? takeReturnTo() : null
  if (returnTo) await router.replace(returnTo)
  createApp(App).use(createPinia()).use(i18n).use(router).use(ElementPlus).mount('#app')
}

start()
