import Keycloak from 'keycloak-js'
import { reactive } from 'vue'

/** The signed-in person as the console needs them: from the access token's claims. */
export interface Session {
  authenticated: boolean
  username: string
  roles: string[]
  county: string | null
  province: string | null
  township: string | null
  village: string | null
}

export const session = reactive<Session>({
  authenticated: false, username: '', roles: [], county: null, province: null, township: null, village: null,
})

let keycloak: Keycloak | null = null
const RETURN_TO = 'wangwu.returnTo'
const SIGN_IN_TRIES = 'wangwu.signInTries'

function first(claim: unknown): string | null {
  if (Array.isArray(claim)) return claim.length ? String(claim[0]) : null
  if (claim && typeof claim === 'object') return Object.keys(claim as object)[0] ?? null
  return claim == null ? null : String(claim)
}

function readToken() {
  const t = (keycloak?.tokenParsed ?? {}) as Record<string, unknown>
  session.authenticated = !!keycloak?.authenticated
  session.username = String(t.preferred_username ?? '')
  session.roles = ((t.realm_access as { roles?: string[] })?.roles ?? []).slice()
  session.county = first(t.organization)
  session.province = first(t.province)
  session.township = first(t.township)
  session.village = first(t.village)
}

/** Reads the sign-in configuration from the server and finishes a sign-in that Keycloak redirected back from. */
export async function initAuth(): Promise<void> {
  const config = await (await fetch('/console/config.json')).json()
  keycloak = new Keycloak({ url: config.url, realm: config.realm, clientId: config.clientId })
  await keycloak.init({ pkceMethod: 'S256', checkLoginIframe: false, redirectUri: location.origin + '/' })
  keycloak.onTokenExpired = () => { keycloak?.updateToken(30).catch(() => undefined) }
  if (keycloak.authenticated) sessionStorage.removeItem(SIGN_IN_TRIES)
  readToken()
}

/** Sends the browser to Keycloak (authorization code with PKCE); the console comes back to the same page. */
export async function signIn(returnTo: string): Promise<void> {
  // Never a redirect loop: a sign-in that keeps coming back unauthenticated stops after three tries.
  const tries = Number(sessionStorage.getItem(SIGN_IN_TRIES) ?? '0') + 1
  sessionStorage.setItem(SIGN_IN_TRIES, String(tries))
  if (tries > 3) throw new Error('sign-in failed')
  sessionStorage.setItem(RETURN_TO, returnTo)
  await keycloak!.login({ redirectUri: location.origin + '/' })
}

export function takeReturnTo(): string | null {
  const to = sessionStorage.getItem(RETURN_TO)
  sessionStorage.removeItem(RETURN_TO)
  return to
}

export async function signOut(): Promise<void> {
  await keycloak!.logout({ redirectUri: location.origin + '/' })
}

/**
 * A fresh access token for the API client. When the session has ended (the refresh token expired or the
 * session was ended in Keycloak; keycloak-js then drops its tokens), the page's drafts are already in
 * sessionStorage (see drafts.ts), so the console signs in again and comes back to the same page.
 */
export async function accessToken(): Promise<string> {
  if (!keycloak) return ''
  if (!keycloak.authenticated) {
    if (!session.authenticated) return ''
    return sessionEnded()
  }
  try {
    await keycloak.updateToken(30)
  } catch {
    return sessionEnded()
  }
  readToken()
  return keycloak.token ?? ''
}

async function sessionEnded(): Promise<never> {
  await signIn(location.hash.replace(/^#/, '') || '/')
  throw new Error('session-expired')
}

export function hasRole(...roles: string[]): boolean {
  return roles.some((r) => session.roles.includes(r))
}
