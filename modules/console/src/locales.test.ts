import { describe, expect, it } from 'vitest'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import {
  AppStatus, AwardStatus, CaseState, DeliveryFailure, EventKind, MatterStep, MediationLevel, MeetingStatus, PartyRole,
  ReferralBody, RegistrationStatus, Channel, CovenantVersionStatus, AdoptedBy, VillageBody, Vote, VoteMode, WebhookDeliveryStatus, WebhookSubscriptionStatus,
} from '@sdk'
import zhCN from './locales/zh-CN.json'
import en from './locales/en.json'

function keys(o: object, prefix = ''): string[] {
  return Object.entries(o).flatMap(([k, v]) => (v && typeof v === 'object' ? keys(v, prefix + k + '.') : [prefix + k]))
}

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : /\.(vue|ts)$/.test(e.name) && !e.name.endsWith('.test.ts') ? [join(dir, e.name)] : [])
}

describe('locale files', () => {
  const zh = new Set(keys(zhCN))
  const english = new Set(keys(en))

  it('have the same keys in zh-CN and English', () => {
    expect([...zh].filter((k) => !english.has(k)), 'missing in en.json').toEqual([])
    expect([...english].filter((k) => !zh.has(k)), 'missing in zh-CN.json').toEqual([])
  })

  it('hold every key the pages use', () => {
    const used = new Set<string>()
    for (const file of sources(join(__dirname))) {
      // t('a.b') a whole key; t('a.b.' + x) a prefix whose entries the third case below checks
      for (const m of readFileSync(file, 'utf8').matchAll(/\bt\('([a-zA-Z]+\.[a-zA-Z.]*[a-zA-Z])'[,)]/g)) used.add(m[1])
      for (const m of readFileSync(file, 'utf8').matchAll(/label: '(menu\.[a-zA-Z]+)'/g)) used.add(m[1])
    }
    expect(used.size).toBeGreaterThan(20)
    expect([...used].filter((k) => !zh.has(k)), 'used but missing in zh-CN.json').toEqual([])
    expect([...used].filter((k) => !english.has(k)), 'used but missing in en.json').toEqual([])
  })

  it('give every role and notice status a name in both', () => {
    for (const role of ['platform-operator', 'county-admin', 'township-official', 'village-cadre', 'mediator',
      'grid-worker', 'resident', 'supermarket-clerk', 'provincial-viewer', 'third-party-app']) {
      expect(zh.has('roles.' + role) && english.has('roles.' + role), role).toBe(true)
    }
    for (const status of ['PENDING_REVIEW', 'REJECTED', 'DISCLOSED', 'OBJECTED', 'POSTED']) {
      expect(zh.has('notices.status.' + status) && english.has('notices.status.' + status), status).toBe(true)
    }
  })

  // Pages name an API value through a key made of a prefix and the value (t('cases.states.' + state)): every
  // value the API can answer has its name in both files, so a value added to the API fails here first.
  it('name every value the API answers that a page shows', () => {
    const shown: [string, Record<string, string>][] = [
      ['cases.states.', CaseState], ['cases.levels.', MediationLevel], ['notices.status.', AwardStatus],
      ['staff.appStatus.', AppStatus], ['webhooks.subscriptionStatus.', WebhookSubscriptionStatus],
      ['webhooks.deliveryStatus.', WebhookDeliveryStatus], ['webhooks.failures.', DeliveryFailure],
      ['registrations.kinds.', EventKind], ['registrations.statuses.', RegistrationStatus],
      ['matters.meetingStatuses.', MeetingStatus], ['matters.steps.', MatterStep],
      ['matters.bodies.', VillageBody], ['matters.voteNames.', Vote], ['matters.voteModes.', VoteMode],
      ['covenants.statuses.', CovenantVersionStatus], ['covenants.adoptedByNames.', AdoptedBy],
      ['intake.channels.', Channel], ['intake.roles.', PartyRole], ['intake.bodies.', ReferralBody],
    ]
    for (const [prefix, values] of shown) {
      for (const v of Object.values(values)) {
        expect(zh.has(prefix + v), 'zh-CN.json: ' + prefix + v).toBe(true)
        expect(english.has(prefix + v), 'en.json: ' + prefix + v).toBe(true)
      }
    }
  })

  // A problem's code (its `type`'s last segment) is what the pages say in their own language: every code the
  // platform's modules answer with has its sentence in both files.
  it('say every problem code of the API in both', () => {
    const codes = new Set<string>()
    const java = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? java(join(dir, e.name)) : e.name.endsWith('.java') ? [join(dir, e.name)] : [])
    const modules = join(__dirname, '..', '..')
    for (const m of readdirSync(modules)) {
      const main = join(modules, m, 'src', 'main', 'java')
      try { readdirSync(main) } catch { continue }
      for (const file of java(main)) {
        const text = readFileSync(file, 'utf8')
        for (const x of text.matchAll(/(?:Problem\.of\(\d+|\b(?:conflict|forbidden|badRequest|unavailable|tooManyRequests)\()\s*,?\s*"([a-z][a-z0-9-]+)"/g)) codes.add(x[1])
      }
    }
    expect(codes.size).toBeGreaterThan(40)
    expect([...codes].filter((c) => !zh.has('problems.' + c)), 'zh-CN.json: problems.').toEqual([])
    expect([...codes].filter((c) => !english.has('problems.' + c)), 'en.json: problems.').toEqual([])
  })
})
