import {
  Configuration, DashboardsApi, ModulesApi, PointsApi, PointsPublicNoticesApi, ResponseError,
} from '@sdk'
import { accessToken } from './auth'

// Every API call of the console goes through the client generated from openapi/wangwu-api.yaml.
const configuration = new Configuration({ basePath: '', accessToken: () => accessToken() })

export const modulesApi = new ModulesApi(configuration)
export const pointsApi = new PointsApi(configuration)
export const dashboardsApi = new DashboardsApi(configuration)
export const publicPointsApi = new PointsPublicNoticesApi(new Configuration({ basePath: '' }))

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
