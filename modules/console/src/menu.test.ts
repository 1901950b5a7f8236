import { describe, expect, it } from 'vitest'
import { menuFor } from './menu'

describe('menus by role and county', () => {
  it('offer a county administrator the modules page and one settings entry per module switched on', () => {
    const menu = menuFor(['county-admin'], [{ key: 'points', label: '积分' }])
    expect(menu.map((m) => m.path)).toEqual(['/modules', '/review', '/registers', '/staff', '/audit', '/webhooks', '/modules/points'])
  })
  it('offer a clerk the redemption screen only while the county has points on', () => {
    expect(menuFor(['supermarket-clerk'], [{ key: 'points', label: '积分' }]).map((m) => m.path)).toEqual(['/redeem'])
    expect(menuFor(['supermarket-clerk'], [{ key: 'disputes', label: '纠纷' }]).map((m) => m.path)).toEqual([])
  })
  it('offer a provincial viewer the province page only', () => {
    expect(menuFor(['provincial-viewer'], null).map((m) => m.path)).toEqual(['/province'])
  })
})
