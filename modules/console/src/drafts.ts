import { watch, type Ref } from 'vue'

/**
 * Keeps a form being filled in sessionStorage, so that a sign-in forced by an expired session (a redirect
 * to Keycloak and back) does not lose it. The page calls restore() once it has loaded the saved values,
 * and clear() once the form is saved.
 */
export function useDraft<T extends object>(key: () => string, form: Ref<T>) {
  const storageKey = () => 'wangwu.draft.' + key()
  let watching = false
  return {
    /** Puts back a draft kept for this form; true when it differs from what was loaded. */
    restore(): boolean {
      const stored = sessionStorage.getItem(storageKey())
      const changed = stored !== null && stored !== JSON.stringify(form.value)
      if (stored) Object.assign(form.value, JSON.parse(stored))
      if (!watching) {
        watching = true
        watch(form, (v) => sessionStorage.setItem(storageKey(), JSON.stringify(v)), { deep: true })
      }
      return changed
    },
    clear() { sessionStorage.removeItem(storageKey()) },
  }
}
