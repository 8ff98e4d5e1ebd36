import http from 'node:http'
import http2 from 'node:http2'
import type { AddressInfo } from 'node:net'

/** A canned reply, or a function writing one (streams, hangs). */
export type Canned =
  | { status: number; body: string; headers?: Record<string, string> }
  | ((req: http.IncomingMessage | http2.Http2ServerRequest, res: Writable) => void)

export interface Writable {
  writeHead(status: number, headers?: Record<string, string>): unknown
  write(chunk: string): unknown
  end(chunk?: string): unknown
}

/** One HTTP/1.1 and one h2c server on 127.0.0.1 (port 0) answering with the current canned reply. */
export async function startServers() {
  let canned: Canned = { status: 200, body: '{"resource":1}' }
  const seen: { authorization: string | undefined }[] = []
  const handle = (req: http.IncomingMessage | http2.Http2ServerRequest, res: Writable) => {
    seen.push({ authorization: req.headers.authorization })
    req.on('data', () => {})
    if (typeof canned === 'function') return canned(req, res)
    res.writeHead(canned.status, { 'content-type': 'application/json', ...canned.headers })
    res.end(canned.body)
  }
  const h1 = http.createServer(handle)
  const h2 = http2.createServer(handle as never)
  await new Promise<void>((r) => h1.listen(0, '127.0.0.1', r))
  await new Promise<void>((r) => h2.listen(0, '127.0.0.1', r))
  const closedPort = await new Promise<number>((resolve) => {
    const s = http.createServer()
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as AddressInfo).port
      s.close(() => resolve(port))
    })
  })
  return {
    h1Port: (h1.address() as AddressInfo).port,
    h2Port: (h2.address() as AddressInfo).port,
    closedPort,
    seen,
    reply(next: Canned) {
      canned = next
    },
    async close() {
      h1.closeAllConnections()
      await new Promise((r) => h1.close(r))
      await new Promise((r) => h2.close(r))
    },
  }
}
