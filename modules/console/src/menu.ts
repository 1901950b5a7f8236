/** The console's pages, who may open each (the API's own permissions), and which module it belongs to. */
export interface MenuEntry {
  path: string
  label: string
  roles: string[]
  module?: string
}

export const PAGES: MenuEntry[] = [
  { path: '/modules', label: 'menu.modules', roles: ['county-admin'] },
  { path: '/redeem', label: 'menu.redeem', roles: ['supermarket-clerk'], module: 'points' },
  { path: '/review', label: 'menu.review', roles: ['village-cadre', 'township-official', 'county-admin'], module: 'points' },
  { path: '/matters', label: 'menu.matters', roles: ['village-cadre', 'township-official', 'county-admin'], module: 'consultation' },
  { path: '/workbench', label: 'menu.workbench', roles: ['mediator'], module: 'disputes' },
  { path: '/intake', label: 'menu.intake', roles: ['mediator', 'village-cadre', 'township-official', 'county-admin'], module: 'disputes' },
  { path: '/oversight', label: 'menu.oversight', roles: ['township-official', 'county-admin'], module: 'disputes' },
  { path: '/registers', label: 'menu.registers', roles: ['county-admin'] },
  { path: '/staff', label: 'menu.staff', roles: ['county-admin'] },
  { path: '/audit', label: 'menu.audit', roles: ['county-admin'] },
  { path: '/webhooks', label: 'menu.webhooks', roles: ['county-admin'] },
  { path: '/registrations', label: 'menu.registrations', roles: ['village-cadre', 'township-official', 'county-admin'], module: 'customs' },
  { path: '/lists', label: 'menu.lists', roles: ['village-cadre', 'township-official', 'county-admin'], module: 'customs' },
  { path: '/covenants', label: 'menu.covenants', roles: ['village-cadre', 'township-official', 'county-admin'], module: 'customs' },
  { path: '/province', label: 'menu.province', roles: ['provincial-viewer'] },
]

/**
 * The menu of a signed-in person: pages their roles may use, module pages only where the county has the
 * module on, and for a county administrator one settings entry per module switched on.
 */
export function menuFor(roles: string[], enabledModules: { key: string; label: string }[] | null): MenuEntry[] {
  const on = enabledModules?.map((m) => m.key)
  const pages = PAGES.filter((p) => p.roles.some((r) => roles.includes(r)))
    .filter((p) => !p.module || on === undefined || on.includes(p.module))
  if (roles.includes('county-admin') && enabledModules) {
    for (const m of enabledModules) {
      pages.push({ path: '/modules/' + m.key, label: m.label, roles: ['county-admin'], module: m.key })
    }
  }
  return pages
}
