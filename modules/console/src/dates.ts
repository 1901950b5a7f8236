import { i18n } from './i18n'

// The counties keep China's calendar (the platform's clock is Asia/Shanghai): a moment is shown as it read there,
// whatever zone the browser is in, so that a day on the page is the day the API counts with.
export const COUNTY_ZONE = 'Asia/Shanghai'

function locale(): string { return i18n.global.locale.value === 'en' ? 'en-GB' : 'zh-CN' }

/**
 * A calendar day of the API (`format: date`, as a meeting's day or a deadline) as YYYY-MM-DD. The SDK hands it over
 * as local midnight; a Date made from the bare string elsewhere is UTC midnight, which west of UTC is the evening
 * before: either way the day is the one the API sent.
 */
export function day(d?: Date | string | null): string {
  if (!d) return ''
  if (typeof d === 'string') return /^\d{4}-\d{2}-\d{2}/.test(d) ? d.slice(0, 10) : day(new Date(d))
  if (isNaN(d.getTime())) return ''
  const utcMidnight = d.getUTCHours() === 0 && d.getUTCMinutes() === 0 && d.getUTCSeconds() === 0 && d.getUTCMilliseconds() === 0
  const localMidnight = d.getHours() === 0 && d.getMinutes() === 0 && d.getSeconds() === 0 && d.getMilliseconds() === 0
  const [y, m, dd] = utcMidnight && !localMidnight
    ? [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()]
    : [d.getFullYear(), d.getMonth() + 1, d.getDate()]
  return `${y}-${String(m).padStart(2, '0')}-${String(dd).padStart(2, '0')}`
}

/** A moment of the API (`format: date-time`) as the county's clock read it. */
export function time(d?: Date | string | null): string {
  if (!d) return ''
  const at = new Date(d)
  if (isNaN(at.getTime())) return ''
  return new Intl.DateTimeFormat(locale(), {
    timeZone: COUNTY_ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }).format(at)
}

/** Today in the county's calendar, as the Date the SDK sends for a `format: date` field (local midnight of that day). */
export function today(): Date {
  const [y, m, d] = new Intl.DateTimeFormat('en-CA', { timeZone: COUNTY_ZONE }).format(new Date()).split('-').map(Number)
  return new Date(y, m - 1, d)
}
