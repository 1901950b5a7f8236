import {
  Configuration, ConsultationApi, CustomsApi, DashboardsApi, DisputesApi, PlatformApi, PointsApi, ResponseError,
} from '@sdk'
import { accessToken } from './auth'
import { i18n } from './i18n'

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
  type?: string
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

/**
 * A problem in the console's language: its stable code (`code`, the last segment of `type`) names a locale entry
 * (problems.<code>); a code the console does not know yet shows the API's own title and detail.
 */
export function problemText(p: Problem): string {
  const code = p.code ?? p.type?.split('/').pop()
  const key = 'problems.' + code
  if (code && i18n.global.te(key)) return i18n.global.t(key)
  return [p.title, p.detail].filter(Boolean).join(': ')
}

// A field's message is the validator's own English sentence (a field error has no code): the standard ones are
// said in the console's language, with their figures; any other stays the API's text.
/** A file's size as a person reads it (bytes, KB, MB). */
export function fileSize(bytes?: number): string {
  if (bytes == null) return ''
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}

/** Content types as a person names them: "application/pdf, image/jpeg" as "PDF、JPEG". */
function fileTypes(list: string): string {
  return list.split(/,\s*/).map((type) => type.split('/').pop()!.toUpperCase())
    .join(i18n.global.locale.value === 'en' ? ', ' : '、')
}

// Each pattern's captured figures go into the message as {a} and {b}, through its formatter where it has one.
const FIELD_MESSAGES: [RegExp, string, ((figure: string) => string)?][] = [
  [/^must not be (blank|empty)$/, 'problems.field.blank'],
  [/^must not be null$/, 'problems.field.null'],
  [/^size must be between (\d+) and (\d+)$/, 'problems.field.size'],
  [/^must be less than or equal to (-?\d+)$/, 'problems.field.max'],
  [/^must be greater than or equal to (-?\d+)$/, 'problems.field.min'],
  [/^must be between (-?[\d.]+) and (-?[\d.]+)$/, 'problems.field.between'],
  [/^must be at most (\d+) characters$/, 'problems.field.maxLength'],
  [/^must be a whole number$/, 'problems.field.wholeNumber'],
  [/^must be a number$/, 'problems.field.number'],
  [/^must be true or false$/, 'problems.field.boolean'],
  [/^must be one of \[(.*)\]$/, 'problems.field.oneOf'],
  [/^must be in the future$/, 'problems.field.future'],
  [/^must not be in the future$/, 'problems.field.notFuture'],
  [/^is required( \(.*\))?$/, 'problems.field.null'],
  // An uploaded file (the platform's attachments: evidence, pledges, covenant files).
  [/^is (\d+) bytes; at most (\d+) are accepted$/, 'problems.field.fileTooLarge', (n) => fileSize(Number(n))],
  [/^must be one of \[(.*)\] \(recognised by content, not by name\)$/, 'problems.field.fileType', fileTypes],
  [/^is empty$/, 'problems.field.fileEmpty'],
]

export function fieldMessage(message: string): string {
  for (const [pattern, key, format = (f: string) => f] of FIELD_MESSAGES) {
    const m = pattern.exec(message)
    if (m) return i18n.global.t(key, { a: m[1] === undefined ? m[1] : format(m[1]), b: m[2] === undefined ? m[2] : format(m[2]) })
  }
  return message
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
    if (key && fields.includes(key)) out[key] = fieldMessage(err.message)
    else rest.push(fieldMessage(err.message))
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
