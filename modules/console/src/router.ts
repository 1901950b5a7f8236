import { createRouter, createWebHashHistory } from 'vue-router'
import { session, signIn } from './auth'
import { PAGES } from './menu'

export const router = createRouter({
  history: createWebHashHistory(),
  routes: [
    { path: '/', component: () => import('./views/HomeView.vue') },
    { path: '/modules', component: () => import('./views/ModulesView.vue') },
    { path: '/modules/:module', component: () => import('./views/ModuleSettingsView.vue'), props: true },
    { path: '/redeem', component: () => import('./views/RedeemView.vue') },
    { path: '/review', component: () => import('./views/ReviewView.vue') },
    { path: '/matters', component: () => import('./views/MattersView.vue') },
    { path: '/workbench', component: () => import('./views/WorkbenchView.vue') },
    { path: '/intake', component: () => import('./views/IntakeView.vue') },
    { path: '/oversight', component: () => import('./views/OversightView.vue') },
    { path: '/cases/:id', component: () => import('./views/CaseView.vue'), props: true },
    { path: '/registers', component: () => import('./views/RegistersView.vue') },
    { path: '/staff', component: () => import('./views/StaffView.vue') },
    { path: '/audit', component: () => import('./views/AuditView.vue') },
    { path: '/webhooks', component: () => import('./views/WebhooksView.vue') },
    { path: '/registrations', component: () => import('./views/RegistrationsView.vue') },
    { path: '/lists', component: () => import('./views/ListsView.vue') },
    { path: '/covenants', component: () => import('./views/CovenantsView.vue') },
    { path: '/province', component: () => import('./views/ProvinceView.vue') },
    {
      path: '/public/:county/:place?', component: () => import('./views/PublicNoticesView.vue'), props: true,
      meta: { public: true },
    },
    { path: '/:rest(.*)*', redirect: '/' },
  ],
})

router.beforeEach(async (to) => {
  if (to.meta.public) return true
  if (!session.authenticated) {
    await signIn(to.fullPath)
    return false
  }
  const page = PAGES.find((p) => to.path === p.path || to.path.startsWith(p.path + '/'))
  if (page && !page.roles.some((r) => session.roles.includes(r))) return '/'
  return true
})
