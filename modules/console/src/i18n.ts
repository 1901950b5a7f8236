import { createI18n } from 'vue-i18n'
import zhCN from './locales/zh-CN.json'
import en from './locales/en.json'

export const LOCALES = { 'zh-CN': zhCN, en } as const
export type Locale = keyof typeof LOCALES

const saved = localStorage.getItem('wangwu.locale') as Locale | null

export const i18n = createI18n({
  legacy: false,
  locale: saved && saved in LOCALES ? saved : 'zh-CN',
  fallbackLocale: 'zh-CN',
  messages: LOCALES,
  missingWarn: false,
  fallbackWarn: false,
})

export function setLocale(locale: Locale) {
  i18n.global.locale.value = locale
  localStorage.setItem('wangwu.locale', locale)
  document.documentElement.lang = locale
}

/** A LocalizedText of the API ({zh, en}) in the console's language. */
export function localized(text?: { zh?: string; en?: string } | null): string {
  if (!text) return ''
  return (i18n.global.locale.value === 'en' ? text.en : text.zh) ?? text.zh ?? text.en ?? ''
}
