import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

/** A canned reply for the next request. */
export interface Canned {
  status: number
  headers?: Record<string, string>
  body?: unknown
  bodyText?: string
}

/** A plain HTTP/1.1 server on 127.0.0.1 answering every request with the reply set last; records requests. */
export interface Stub {
  port: number
  url: string
  reply: Canned
  requests: { method: string; url: string; headers: IncomingMessage['headers']; body: string }[]
  close(): Promise<void>
}

export async function startStub(): Promise<Stub> {
  const stub = {
    port: 0,
    url: '',
    reply: { status: 200, body: {} } as Canned,
    requests: [] as Stub['requests'],
    close: async () => {},
  }
  const server: Server = createServer((req, res) => {
    let body = ''
    req.on('data', (d: Buffer) => {
      body += d.toString()
    })
    req.on('end', () => {
      stub.requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body })
      const r = stub.reply
      const text = r.bodyText ?? (r.body === undefined ? '' : JSON.stringify(r.body))
      res.writeHead(r.status, {
        'content-type': r.bodyText !== undefined ? 'text/html' : 'application/json',
        ...r.headers,
      })
      res.end(text)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  stub.port = (server.address() as AddressInfo).port
  stub.url = `http://127.0.0.1:${stub.port}`
  stub.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections()
      server.close(() => resolve())
    })
  return stub
}
