import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { telLinksOf } from '../support/pageFacts'

// Issue 15 as it was found: `npm start` with DATABASE_FILE pointing at a garbage file exited with
// `SqliteError: file is not a database` and a stack trace, and nothing listened. The same command
// as `npm start` (`node --import tsx src/runtime/node.ts`, without its heap limits, which change no behaviour).
const root = fileURLToPath(new URL('../..', import.meta.url))
const folder = mkdtempSync(join(tmpdir(), 'helpfinder-'))
afterAll(() => rmSync(folder, { recursive: true, force: true }))

function garbageFile(name: string) {
  const file = join(folder, name)
  writeFileSync(file, 'This is not a database, only text. '.repeat(2000))
  return file
}

/** Runs node with tsx on `args`; collects its output lines; `line(pattern)` waits for one. */
function run(args: string[], env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const stdout: string[] = []
  const stderr: string[] = []
  const waiting: { pattern: RegExp; resolve: (line: string) => void }[] = []
  const collect = (lines: string[]) => (line: string) => {
    lines.push(line)
    for (const wait of waiting.filter((entry) => entry.pattern.test(line))) wait.resolve(line)
  }
  createInterface({ input: child.stdout }).on('line', collect(stdout))
  createInterface({ input: child.stderr }).on('line', collect(stderr))
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  const line = (pattern: RegExp, ms: number) =>
    Promise.race([
      new Promise<string>((resolve) => {
        const seen = [...stdout, ...stderr].find((text) => pattern.test(text))
        if (seen) resolve(seen)
        else waiting.push({ pattern, resolve })
      }),
      exited.then(() => Promise.reject(new Error(`exited before printing ${pattern}:\n${[...stdout, ...stderr].join('\n')}`))),
      new Promise<never>((_resolve, reject) => setTimeout(() => reject(new Error(`no ${pattern} within ${ms} ms`)), ms)),
    ])
  return { child, stdout, stderr, exited, line }
}

describe('npm start on a garbage database file', () => {
  it('prints one warning without a stack trace, listens, and answers /urgent with numbers to call', async () => {
    const file = garbageFile('helpfinder.sqlite')
    const server = run(['src/runtime/node.ts'], { DATABASE_FILE: file, PORT: '0', HOST: '127.0.0.1' })
    try {
      const running = await server.line(/running at http:\/\/127\.0\.0\.1:\d+/, 60_000)
      const port = /:(\d+)/.exec(running.slice(running.indexOf('http://') + 7))?.[1]
      const response = await fetch(`http://127.0.0.1:${port}/urgent`, { headers: { 'accept-language': 'de-DE' } })
      const html = await response.text()
      expect(response.status).toBe(200)
      expect(telLinksOf(html)).toContain('112')
      expect(html).toContain('class="notice"')
      expect((await fetch(`http://127.0.0.1:${port}/admin`)).status).toBe(503)
      const database = server.stderr.filter((line) => line.includes('the database file'))
      expect(database).toEqual([
        `warning: the database file ${file} is not a SQLite database; the public service runs on the copy of data/ built into the app and the curator console is off until the file is fixed (tried again every 30 s)`,
      ])
      expect([...server.stdout, ...server.stderr].filter((line) => /^\s+at |SqliteError/.test(line))).toEqual([])
    } finally {
      server.child.kill('SIGTERM')
      await server.exited
    }
  }, 90_000)

  it('a script that builds the app and does not close it still exits: the checks never hold the process', async () => {
    const file = garbageFile('unclosed.sqlite')
    const script = [
      `import { createNodeApp } from ${JSON.stringify(join(root, 'src/runtime/createNodeApp.ts'))}`,
      `import { generateKeyring } from ${JSON.stringify(join(root, 'src/core/state/keyring.ts'))}`,
      `await createNodeApp({ databaseFile: process.env.DATABASE_FILE, keyring: await generateKeyring(), log: () => {}, warn: () => {} })`,
      `process.stdout.write('built\\n')`,
    ].join('\n')
    const script_ = run(['--input-type=module', '-e', script], { DATABASE_FILE: file })
    await script_.line(/^built$/, 60_000)
    const code = await Promise.race([
      script_.exited,
      new Promise<'still running'>((resolve) => setTimeout(() => resolve('still running'), 10_000)),
    ])
    if (code === 'still running') script_.child.kill('SIGTERM')
    expect(code).toBe(0)
  }, 90_000)
})
