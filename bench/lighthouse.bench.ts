import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { serve } from '@hono/node-server'
import lighthouse from 'lighthouse'
import { generateKeyring } from '../src/core/state/keyring'
import { createNodeApp } from '../src/runtime/createNodeApp'
import { nodeStateCipher } from '../src/runtime/nodeStateCipher'
import { freePort } from './freePort'
import { printTable } from './printTable'

/**
 * `npm run bench:lighthouse`: Lighthouse (mobile defaults, its simulated throttling) on the landing
 * pages `/`, `/de/` and `/ar/` of a real server whose PUBLIC_ORIGIN is its own loopback address, so
 * canonical and hreflang links are absolute as in production. Prints the four category scores
 * against issue 23's bar and exits 1 if one falls short. A bench, not a test: a run takes about a
 * minute, and the performance score moves with the machine's load.
 */
const CHROMIUM = process.env.CHROME_PATH ?? '/usr/bin/chromium'
const PAGES = ['/', '/de/', '/ar/']
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const
const BAR: Record<(typeof CATEGORIES)[number], number> = { performance: 90, accessibility: 100, 'best-practices': 95, seo: 95 }

const folder = mkdtempSync(join(tmpdir(), 'helpfinder-lighthouse-'))
const port = await freePort()
const origin = `http://127.0.0.1:${port}`
const { app, close } = await createNodeApp({
  databaseFile: join(folder, 'helpfinder.sqlite'),
  keyring: await generateKeyring(nodeStateCipher),
  log: () => {},
  warn: () => {},
  publicOrigin: origin,
})
const server = serve({ fetch: app.fetch, port, hostname: '127.0.0.1' })
const chrome = await startChromium(join(folder, 'profile'))

const rows: string[][] = []
let short = false
try {
  for (const path of PAGES) {
    const result = await lighthouse(`${origin}${path}`, {
      port: chrome.port,
      logLevel: 'error',
      output: 'json',
      onlyCategories: [...CATEGORIES],
    })
    if (!result) throw new Error(`Lighthouse gave no result for ${path}`)
    const scores = CATEGORIES.map((category) => Math.round((result.lhr.categories[category]?.score ?? 0) * 100))
    CATEGORIES.forEach((category, index) => {
      if ((scores[index] ?? 0) < BAR[category]) short = true
    })
    rows.push([path, ...scores.map(String)])
    // What kept a category from 100, so a low score says why.
    for (const category of CATEGORIES) {
      for (const reference of result.lhr.categories[category]?.auditRefs ?? []) {
        const audit = result.lhr.audits[reference.id]
        if (reference.weight > 0 && audit && audit.score !== null && audit.score < 1) {
          process.stdout.write(`${path} ${category}: ${audit.id} ${audit.score} ${audit.displayValue ?? ''}\n`)
        }
      }
    }
  }
} finally {
  chrome.stop()
  await new Promise<void>((resolve) => server.close(() => resolve()))
  close()
  rmSync(folder, { recursive: true, force: true })
}
printTable(['page', ...CATEGORIES], [...rows, ['bar', ...CATEGORIES.map((category) => String(BAR[category]))]])
process.exit(short ? 1 : 0)

/** Debian's Chromium, headless, with a DevTools port for Lighthouse (the port it prints once it listens). */
async function startChromium(profile: string): Promise<{ port: number; stop: () => void }> {
  const child = spawn(
    CHROMIUM,
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--remote-debugging-port=0',
      `--user-data-dir=${profile}`,
      'about:blank',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  )
  const devtoolsPort = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Chromium at ${CHROMIUM} did not open its DevTools port`)), 30_000)
    child.once('exit', (code) => reject(new Error(`Chromium at ${CHROMIUM} exited (${code})`)))
    if (!child.stderr) return reject(new Error('no stderr from Chromium'))
    createInterface({ input: child.stderr }).on('line', (line) => {
      const match = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(line)
      if (match?.[1]) {
        clearTimeout(timer)
        resolve(Number(match[1]))
      }
    })
  })
  return { port: devtoolsPort, stop: () => child.kill('SIGTERM') }
}
