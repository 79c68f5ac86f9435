import { mkdtempSync, rmSync } from 'node:fs'
import type { Server } from 'node:http'
import { connect, type AddressInfo, type Socket } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateKeyring } from '../../src/core/state/keyring'
import { createNodeApp } from '../../src/runtime/createNodeApp'
import { serveNode } from '../../src/runtime/serveNode'

// Fault runs, Low 10: slow clients held connections (dripped headers ~74 s, a 1-byte-per-5-s body
// 314 s, an idle socket > 400 s) and nothing capped connections. Replayed with raw sockets against
// the app as `npm start` serves it (serveNode), with short limits so the test stays quick.

const LIMITS = { headersTimeoutMs: 1000, requestTimeoutMs: 2000, idleTimeoutMs: 1000, keepAliveTimeoutMs: 500, maxConnections: 5 }
/** Node checks the timeouts on an interval, and keeps a kept-alive socket 1 s past its advertised timeout. */
const MARGIN_MS = 1200
/** Longer than any limit plus its margin: a socket still open then was not closed by the server. */
const GIVE_UP_MS = 5000

let folder = ''
let server: Server
let close: () => void
let port = 0

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'helpfinder-'))
  const node = await createNodeApp({
    databaseFile: join(folder, 'helpfinder.sqlite'),
    keyring: await generateKeyring(),
    log: () => {},
    console: false,
  })
  close = node.close
  server = serveNode({ fetch: node.app.fetch, port: 0, hostname: '127.0.0.1', limits: LIMITS })
  await new Promise((resolve) => server.once('listening', resolve))
  port = (server.address() as AddressInfo).port
}, 30_000)

afterAll(async () => {
  server?.closeAllConnections()
  await new Promise((resolve) => server?.close(resolve))
  close?.()
  if (folder) rmSync(folder, { recursive: true, force: true })
})

/** A raw connection to the server, with what it has received. */
async function open(): Promise<{ socket: Socket; received: () => string; closed: Promise<number> }> {
  const socket = connect(port, '127.0.0.1')
  let text = ''
  const started = Date.now()
  socket.on('data', (chunk: Buffer) => (text += chunk.toString('latin1')))
  socket.on('error', () => {})
  const closed = new Promise<number>((resolve) => socket.once('close', () => resolve(Date.now() - started)))
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve())
    socket.once('close', () => reject(new Error('closed before connecting')))
  })
  return { socket, received: () => text, closed }
}

/** How long until the server closed the socket, or Infinity if it was still open after GIVE_UP_MS (then it is closed here). */
async function closedWithin(connection: { socket: Socket; closed: Promise<number> }): Promise<number> {
  const gaveUp = new Promise<number>((resolve) => setTimeout(() => resolve(Infinity), GIVE_UP_MS))
  const after = await Promise.race([connection.closed, gaveUp])
  connection.socket.destroy()
  return after
}

/** Writes `text` one byte every `everyMs` until the socket closes; returns how many bytes went out. */
function drip(socket: Socket, text: string, everyMs: number): () => number {
  let sent = 0
  const timer = setInterval(() => {
    if (socket.destroyed || sent >= text.length) return clearInterval(timer)
    socket.write(text.charAt(sent))
    sent += 1
  }, everyMs)
  socket.once('close', () => clearInterval(timer))
  return () => sent
}

/** Waits until the server has let go of every connection the previous case left. */
async function settled() {
  for (let i = 0; i < 50; i++) {
    const count = await new Promise<number>((resolve) => server.getConnections((_error, n) => resolve(n)))
    if (count === 0) return
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

describe('slow and idle clients on the Node server', () => {
  it('headers dripped a byte every 300 ms are cut off within the headers timeout', async () => {
    const connection = await open()
    const sent = drip(connection.socket, `GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ${'a'.repeat(200)}\r\n\r\n`, 300)
    const after = await closedWithin(connection)
    expect(after).toBeLessThan(LIMITS.headersTimeoutMs + MARGIN_MS)
    // It was closed mid-drip, not because the request was done.
    expect(sent()).toBeLessThan(40)
    expect(connection.received()).toMatch(/^(HTTP\/1\.1 408|$)/)
  }, 10_000)

  it('a body sent at one byte every 500 ms is cut off within the request timeout', async () => {
    await settled()
    const connection = await open()
    connection.socket.write(
      'POST /api/v1/turn HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n',
    )
    const sent = drip(connection.socket, `{"action":"start"${' '.repeat(82)}}`, 500)
    const after = await closedWithin(connection)
    expect(after).toBeLessThan(LIMITS.requestTimeoutMs + MARGIN_MS)
    expect(sent()).toBeLessThan(10)
    expect(connection.received()).toMatch(/^(HTTP\/1\.1 408|$)/)
  }, 10_000)

  it('a socket that sends nothing, and a kept-alive socket after its answer, are closed when idle', async () => {
    await settled()
    const silent = await open()
    const kept = await open()
    kept.socket.write('GET /privacy HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n')
    const [silentAfter, keptAfter] = await Promise.all([closedWithin(silent), closedWithin(kept)])
    expect(silentAfter).toBeLessThan(LIMITS.idleTimeoutMs + MARGIN_MS)
    expect(kept.received()).toMatch(/^HTTP\/1\.1 200/)
    expect(keptAfter).toBeLessThan(Math.max(LIMITS.keepAliveTimeoutMs, LIMITS.idleTimeoutMs) + MARGIN_MS)
  }, 10_000)

  it('with the cap reached a further connection is closed at once, the earlier ones still work, and afterwards a normal request succeeds', async () => {
    await settled()
    const held = await Promise.all(Array.from({ length: LIMITS.maxConnections }, () => open()))
    // Give the server the moment it needs to count them.
    await new Promise((resolve) => setTimeout(resolve, 50))
    const started = Date.now()
    const extra = connect(port, '127.0.0.1')
    extra.on('error', () => {})
    let extraReceived = ''
    extra.on('data', (chunk: Buffer) => (extraReceived += chunk.toString('latin1')))
    extra.once('connect', () => extra.write('GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n'))
    await new Promise((resolve) => extra.once('close', resolve))
    expect(Date.now() - started).toBeLessThan(500)
    expect(extraReceived).toBe('')

    const first = held[0]
    if (!first) throw new Error('no connection held')
    first.socket.write('GET /privacy HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n')
    await first.closed
    expect(first.received()).toMatch(/^HTTP\/1\.1 200/)
    for (const connection of held) connection.socket.destroy()

    await settled()
    const response = await fetch(`http://127.0.0.1:${port}/`)
    expect(response.status).toBe(200)
    expect(await response.text()).toContain('<html')
  }, 10_000)
})
