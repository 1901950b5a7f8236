import type { CaseSummary } from '@sdk'
import { session } from './auth'

// What the API lets the signed-in person do with a case (DisputesPermissions), so that a page offers only that: a
// request the role may not make would only be refused.

const LEVELS = ['VILLAGE', 'TOWNSHIP', 'COUNTY']

/** Whether the signed-in person's place (village, else township; a county administrator the whole county) covers a place. */
function reaches(place?: string): boolean {
  if (session.roles.includes('county-admin')) return true
  const own = session.village ?? session.township
  return !!own && !!place && place.startsWith(own)
}

function mediatorLevel(): string {
  return session.village ? 'VILLAGE' : session.township ? 'TOWNSHIP' : 'COUNTY'
}

/** The dossier (parties, sessions and their minutes, the agreement): county administrators and the case's mediators, or those above them. */
export function seesDossier(c: CaseSummary): boolean {
  if (session.roles.includes('county-admin')) return true
  if (!session.roles.includes('mediator')) return false
  if ((c.mediators ?? []).some((m) => m.active !== false && m.username === session.username)) return true
  const own = mediatorLevel()
  const at = c.level ?? 'VILLAGE'
  if (LEVELS.indexOf(own) <= LEVELS.indexOf(at)) return false
  return own === 'COUNTY' || session.township === c.townshipCode
}

/** Giving a case its mediators: whoever runs the level it is at. */
export function assignsMediators(c: CaseSummary): boolean {
  const level = c.level ?? 'TOWNSHIP'
  return session.roles.includes('county-admin')
    || level !== 'COUNTY' && session.roles.includes('township-official') && reaches(c.townshipCode)
    || level === 'VILLAGE' && session.roles.includes('village-cadre') && reaches(c.villageCode)
}

/** Sessions, agreement and failure: the mediators assigned to the case. */
export function mediates(c: CaseSummary): boolean {
  return session.roles.includes('mediator') && (c.mediators ?? []).some((m) => m.active !== false && m.username === session.username)
}

/** Judicial confirmation and referral out: the case's mediators or a county administrator. */
export function decidesOutcome(c: CaseSummary): boolean {
  return session.roles.includes('county-admin') || mediates(c)
}

/** The follow-up visit: the case's mediators, its township, or the county. */
export function followsUp(c: CaseSummary): boolean {
  return decidesOutcome(c) || session.roles.includes('township-official') && reaches(c.townshipCode)
}
