import {
  Configuration, ConsultationApi, CustomsApi, DashboardsApi, DisputesApi, PlatformApi, PointsApi, ResponseError,
} from '@sdk'
import { accessToken } from './auth'

// Every API call of the console goes through the client generated from openapi/wangwu-api.yaml.
const configuration = new Configuration({ basePath: '', accessToken: () => accessToken() })

// The platform's operations (modules, audit, webhooks, territory, staff, apps) are one client.
const platformApi = new PlatformApi(configuration)
export const modulesApi = platformApi
export const auditApi = platformApi
export const webhooksApi = platformApi
export const territoryApi = platformApi
export const staffApi = platformApi
export const appsApi = platformApi
export const pointsApi = new PointsApi(configuration)
export const disputesApi = new DisputesApi(configuration)
export const customsApi = new CustomsApi(configuration)
export const consultationApi = new ConsultationApi(configuration)
export const dashboardsApi = new DashboardsApi(configuration)
// Public notices: no token.
export const publicPointsApi = new PointsApi(new Configuration({ basePath: '' }))

/** An RFC 9457 problem document as the API answers every failure. */
export interface Problem {
  status: number
  title?: string
  detail?: string
  code?: string
  errors?: { row?: number; field?: string; message: string }[]
}

export async function problemOf(e: unknown): Promise<Problem> {
  if (e instanceof ResponseError) {
    try {
      return { ...(await e.response.json()), status: e.response.status }
    } catch {
      return { status: e.response.status, title: e.response.statusText }
    }
  }
  return { status: 0, title: String((e as Error)?.message ?? e) }
}

export function problemText(p: Problem): string {
  return [p.title, p.detail].filter(Boolean).join(': ')
}

/**
 * The API's validation messages by field, to show at each field of a form (fields named with a prefix, as
 * `values.maxLength`, lose it); what names no field of the form is the form's own message.
 */
export function fieldErrorsOf(p: Problem, fields: string[], prefix = ''): { fields: Record<string, string>; form: string } {
  const out: Record<string, string> = {}
  const rest: string[] = []
  for (const err of p.errors ?? []) {
    const key = (err.field ?? '').startsWith(prefix) ? (err.field ?? '').slice(prefix.length) : ''
    if (key && fields.includes(key)) out[key] = err.message
    else rest.push(err.message)
  }
  if (!p.errors?.length) rest.push(problemText(p))
  return { fields: out, form: rest.join('; ') }
}

/** A file the API answered (an export, a PDF), saved by the browser. */
export async function saveDownload(response: Response, name: string): Promise<void> {
  const url = URL.createObjectURL(await response.blob())
  const a = document.createElement('a')
  a.href = url
  a.download = name
  a.click()
  URL.revokeObjectURL(url)
}
