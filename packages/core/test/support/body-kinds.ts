// Shared by the adapters' tests of binary bodies (`binary-body.test.ts`): one text as every body kind a client hands
// over: the text, its UTF-8 bytes as a `Uint8Array`, and the same bytes as an `ArrayBuffer`, a `SharedArrayBuffer`, a
// `DataView` and another typed array (`Response.arrayBuffer()`, axios' `responseType: 'arraybuffer'` in a browser).
export function bodyKinds(text: string): Array<[string, unknown]> {
  const bytes = new TextEncoder().encode(text)
  const shared = new SharedArrayBuffer(bytes.length)
  new Uint8Array(shared).set(bytes)
  return [
    ['text', text],
    ['Uint8Array', bytes],
    ['ArrayBuffer', bytes.slice().buffer],
    ['SharedArrayBuffer', shared],
    ['DataView', new DataView(bytes.slice().buffer)],
    ['Int8Array', new Int8Array(bytes.slice().buffer)],
  ]
}
