import type { AddressInfo } from 'node:net'
import { serve } from '@hono/node-server'
import { Hono } from 'hono'

/**
 * The yardstick, forked by turn.bench.ts into a process of its own (as the app runs in its own):
 * a bare Hono app on @hono/node-server with no middleware. GET /bare answers "ok"; POST /bare-echo
 * parses the JSON body and answers with the bytes the parent sent (a turn's JSON view, so the echo
 * moves the same bytes as a turn); POST /bare-page reads the form body and answers with the HTML
 * page the parent sent (the most any HTML turn of those bytes could serve: no work at all).
 * Protocol: the child sends { port }, the parent sends { echo, page } and waits for 'echo-set', then 'exit'.
 */
let echo = ''
let page = ''
const app = new Hono()
app.get('/bare', (c) => c.text('ok'))
app.post('/bare-echo', async (c) => {
  await c.req.json()
  return c.body(echo, 200, { 'content-type': 'application/json' })
})

app.post('/bare-page', async (c) => {
  new URLSearchParams(await c.req.text())
  return c.body(page, 200, { 'content-type': 'text/html; charset=utf-8' })
})

const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => {
  process.send?.({ port: (server.address() as AddressInfo).port })
})

process.on('message', (message: { echo: string; page: string } | 'exit') => {
  if (message === 'exit') {
    server.close()
    process.exit(0)
  }
  echo = message.echo
  page = message.page
  process.send?.('echo-set')
})
