declare module 'virtual:policy-search-index' {
  const json: string
  export default json
  export const extras: import('../../scripts/search/build-index.ts').SearchExtras
}

// For plain tsc; vue-tsc reads the components themselves.
declare module '*.vue' {
  import type { DefineComponent } from 'vue'
  const component: DefineComponent
  export default component
}
