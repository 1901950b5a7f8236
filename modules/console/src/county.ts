import { defineStore } from 'pinia'
import type { ModuleState } from '@sdk'
import { modulesApi } from './api'
import { session } from './auth'

/** The signed-in person's county: its modules and which are switched on (menus follow them). */
export const useCounty = defineStore('county', {
  state: () => ({ modules: null as ModuleState[] | null }),
  actions: {
    async load() {
      if (!session.county) { this.modules = null; return }
      this.modules = await modulesApi.moduleList({ county: session.county })
    },
    replace(state: ModuleState) {
      this.modules = (this.modules ?? []).map((m) => (m.key === state.key ? state : m))
    },
  },
})
