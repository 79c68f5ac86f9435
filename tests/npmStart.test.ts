import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { startServerProcess } from '../bench/startServerProcess'

// Issue 18: `npm start` runs the server bundled by esbuild, in its own process.

const root = fileURLToPath(new URL('..', import.meta.url))

describe('npm start', () => {
  let server: Awaited<ReturnType<typeof startServerProcess>> | undefined
  afterAll(() => server?.stop())

  it('runs the server bundled from src/ (no loader thread), answering pages and turns', async () => {
    server = await startServerProcess()
    const page = await fetch(`${server.base}/?lang=de`)
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('lang="de"')
    const turn = await fetch(`${server.base}/api/v1/turn`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ action: 'answer', reply: ['self'] }),
    })
    expect(turn.status).toBe(200)
    const bundles = readdirSync(join(root, '.build')).filter((name) => name.startsWith('server-'))
    expect(bundles.some((name) => existsSync(join(root, '.build', name, 'server.js')))).toBe(true)
    // The Bot Framework SDK is a chunk of its own, loaded on the first bot request only.
    expect(bundles.some((name) => readdirSync(join(root, '.build', name)).some((file) => file.startsWith('botHandler')))).toBe(true)
    expect(server.output.stackTraceLines).toBe(0)
  })
})
