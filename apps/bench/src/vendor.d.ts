// Driver internals the benchmarks call directly (their real code paths), typed just enough for the suites.

declare module 'faunadb/src/_json.js' {
  const json: { parseJSON(text: string): unknown }
  export default json
}

declare module 'faunadb/src/RequestResult.js' {
  const RequestResult: new (...args: unknown[]) => object
  export default RequestResult
}
