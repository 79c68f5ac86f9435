import { execFile, spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { buildWorker } from '../../scripts/buildWorker'
import { importKeyring, KEY_ID_PATTERN, newKeySpec } from '../../src/core/state/keyring'
import { newKeyId } from '../../src/core/state/newKeyId'
import { telLinksOf } from '../support/pageFacts'
import { startWorker } from '../support/startWorker'

// Fault run findings: two keys with the same id in STATE_KEYS silently broke rotation (ids from
// keys:new were k<date><0–999>); `npm run keys:new` printed `STATE_KEYS=…`, so
// `STATE_KEYS=$(npm run -s keys:new)` failed at start with a stack trace.

const root = fileURLToPath(new URL('../..', import.meta.url))
const run = promisify(execFile)
const folder = mkdtempSync(join(tmpdir(), 'helpfinder-'))
afterAll(() => rmSync(folder, { recursive: true, force: true }))

const secretOf = (spec: string) => spec.split(':')[1] ?? ''

describe('importKeyring', () => {
  it('refuses two keys with the same id, naming the id and the fix, never a secret', async () => {
    const first = newKeySpec('k20261123')
    const second = newKeySpec('k20261123')
    const imported = await importKeyring(`${first},${second}`)
    expect(imported.ok).toBe(false)
    if (imported.ok) return
    expect(imported.error).toMatch(/"k20261123" is used twice/)
    expect(imported.error).toMatch(/keys:new/)
    for (const secret of [secretOf(first), secretOf(second)]) expect(imported.error).not.toContain(secret)
  })

  it('says what is wrong with the value keys:new used to print (with "STATE_KEYS=" in front)', async () => {
    const imported = await importKeyring(`STATE_KEYS=${newKeySpec('k1')}`)
    expect(imported).toEqual({ ok: false, error: expect.stringMatching(/starts with "STATE_KEYS=": set the variable to the value alone/) })
  })

  it('still accepts distinct ids, current first', async () => {
    const imported = await importKeyring(`${newKeySpec('k2')},${newKeySpec('k1')}`)
    expect(imported.ok && [imported.value.current.id, ...imported.value.previous.map(({ id }) => id)]).toEqual(['k2', 'k1'])
  })
})

describe('the keys:new id generator', () => {
  it('makes 1,000 ids on one day that are all different and all valid key ids', () => {
    const day = new Date('2026-11-23T09:30:00Z')
    const ids = Array.from({ length: 1000 }, () => newKeyId(day))
    expect(new Set(ids).size).toBe(1000)
    for (const id of ids) {
      expect(id).toMatch(KEY_ID_PATTERN)
      expect(id.startsWith('k20261123')).toBe(true)
    }
  })

  it('never repeats an id already taken, even when the random characters come out the same', () => {
    const day = new Date('2026-11-23T09:30:00Z')
    // A collision injected on purpose: the first draw is all zero bytes, which spells the taken id.
    const real = crypto.getRandomValues.bind(crypto)
    const draws = vi
      .spyOn(crypto, 'getRandomValues')
      .mockImplementationOnce((array) => array)
      .mockImplementation((array) => real(array))
    try {
      expect(newKeyId(day, new Set(['k20261123aaaaaaa']))).not.toBe('k20261123aaaaaaa')
      expect(draws).toHaveBeenCalledTimes(2)
    } finally {
      draws.mockRestore()
    }
  })
})

describe('npm run -s keys:new', () => {
  it('prints exactly one line, the value itself, which importKeyring accepts', async () => {
    const { stdout } = await run('npm', ['run', '-s', 'keys:new'], { cwd: root })
    expect(stdout.endsWith('\n')).toBe(true)
    const lines = stdout.split('\n').filter(Boolean)
    expect(lines).toHaveLength(1)
    expect(stdout).not.toContain('STATE_KEYS=')
    const imported = await importKeyring(stdout.trim())
    expect(imported.ok).toBe(true)
  })
})

/**
 * `npx tsx src/runtime/node.ts` with these variables, as an operator starts it; resolves when it
 * exits. One that is still running after `ms` (it accepted the keys) is stopped: its process group,
 * started here on its own, and nothing else.
 */
async function startNode(env: Record<string, string>, ms = 35_000) {
  const databaseFile = join(mkdtempSync(join(folder, 'node-')), 'helpfinder.sqlite')
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn('npx', ['tsx', 'src/runtime/node.ts'], {
      cwd: root,
      detached: true,
      env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATABASE_FILE: databaseFile, ...env },
    })
    const stop = setTimeout(() => child.pid && process.kill(-child.pid, 'SIGTERM'), ms)
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')))
    child.on('error', reject)
    child.on('close', (code) => {
      clearTimeout(stop)
      resolve({ code, stdout, stderr })
    })
  })
}

describe('npm start with a STATE_KEYS it cannot use', () => {
  const cases: [string, () => string][] = [
    ['two keys with the same id', () => `${newKeySpec('k20261123')},${newKeySpec('k20261123')}`],
    ['garbage', () => 'not a key at all'],
    ['the old keys:new output, STATE_KEYS=… included', () => `STATE_KEYS=${newKeySpec('k1')}`],
  ]
  it.each(cases)(
    '%s: exit code 1 and one "error:" line, no stack trace',
    async (_name, value) => {
      const spec = value()
      const { code, stderr } = await startNode({ STATE_KEYS: spec })
      expect(code).toBe(1)
      const lines = stderr.split('\n').filter(Boolean)
      expect(lines.filter((line) => line.startsWith('error: STATE_KEYS is invalid: '))).toHaveLength(1)
      expect(lines.filter((line) => line.startsWith('error:'))).toHaveLength(1)
      expect(stderr).not.toMatch(/^\s+at /m)
      for (const secret of spec
        .split(',')
        .map(secretOf)
        .filter((secret) => secret.length > 8))
        expect(stderr).not.toContain(secret)
    },
    60_000,
  )

  it('export STATE_KEYS="$(npm run -s keys:new)" starts the server', async () => {
    const { stdout: spec } = await run('npm', ['run', '-s', 'keys:new'], { cwd: root })
    const databaseFile = join(mkdtempSync(join(folder, 'node-')), 'helpfinder.sqlite')
    // One process (node with the tsx loader), so that this test can stop exactly what it started.
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/runtime/node.ts'], {
      cwd: root,
      env: { ...process.env, STATE_KEYS: spec.trim(), PORT: '0', HOST: '127.0.0.1', DATABASE_FILE: databaseFile },
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')))
    try {
      await vi.waitFor(() => expect(stdout).toMatch(/Helpfinder is running at http:\/\//), { timeout: 35_000, interval: 100 })
      expect(stderr).not.toMatch(/^error:/m)
      expect(stderr).not.toMatch(/STATE_KEYS is not set/)
    } finally {
      const exited = new Promise((resolve) => child.once('close', resolve))
      child.kill('SIGTERM')
      await exited
    }
  }, 60_000)
})

describe('a Worker with a STATE_KEYS it cannot use', () => {
  let outfile = ''
  beforeAll(async () => {
    outfile = (await buildWorker(join(folder, 'worker'))).outfile
  }, 120_000)

  it.each([
    ['two keys with the same id', `${newKeySpec('k1')},${newKeySpec('k1')}`, 'STATE_KEYS is invalid: the key id "k1" is used twice'],
    ['garbage', 'not a key at all', 'STATE_KEYS is invalid: the key must look like'],
  ])(
    '%s: the first requests get the calm 500 page with urgent numbers, and the log one line, once',
    async (_name, stateKeys, logged) => {
      const worker = await startWorker(outfile, { stateKeys })
      try {
        for (const path of ['/', '/urgent?country=AU', '/']) {
          const response = await fetch(`${worker.url}${path}`, { headers: { 'accept-language': 'en' } })
          const html = await response.text()
          expect(response.status, path).toBe(500)
          expect(response.headers.get('content-type')).toMatch(/^text\/html/)
          expect(html).not.toMatch(/^\s+at /m)
          expect(html).not.toContain('STATE_KEYS')
          expect(telLinksOf(html).length, path).toBeGreaterThan(0)
        }
        const api = await fetch(`${worker.url}/api/v1/turn`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: '{}',
        })
        expect(api.status).toBe(500)
        expect(await api.json()).toMatchObject({ error: { status: 500 }, urgent: expect.anything() })
        await vi.waitFor(() => expect(worker.logs.some((line) => line.includes(logged))).toBe(true), { timeout: 5_000 })
        expect(worker.logs.filter((line) => line.includes('STATE_KEYS is invalid'))).toHaveLength(1)
        expect(worker.logs.filter((line) => /^\s+at /.test(line))).toEqual([])
      } finally {
        await worker.dispose()
      }
    },
    60_000,
  )
})
