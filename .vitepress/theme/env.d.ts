declare module 'virtual:policy-search-index' {
  const json: string
  export default json
}
