import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, describe, expect, it } from 'vitest'
import { curatorPasswords } from '../src/console/auth/curatorPasswords'
import { phcParameters } from '../src/console/auth/phcParameters'

// `npm run curator:add` as an operator runs it, on a real SQLite file: no default account exists,
// the password is never stored as given, and bad input changes nothing.
const folder = mkdtempSync(join(tmpdir(), 'helpfinder-curator-'))
const databaseFile = join(folder, 'helpfinder.sqlite')
afterAll(() => rmSync(folder, { recursive: true, force: true }))

function run(args: string[], stdin: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      ['--import', 'tsx', 'scripts/curatorAdd.ts', ...args],
      { env: { ...process.env, DATABASE_FILE: databaseFile } },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    )
    child.stdin?.end(stdin)
  })
}

const rows = () => {
  const db = new Database(databaseFile, { readonly: true })
  try {
    return db.prepare('select login, display_name, password_hash, role, organisation, country from curators order by id').all() as Record<
      string,
      string | null
    >[]
  } finally {
    db.close()
  }
}

describe('npm run curator:add', () => {
  it('adds the first admin; the file had no account before; the password is stored only as an argon2id hash', async () => {
    const added = await run(['--login', 'anna', '--name', 'Anna K.', '--role', 'admin'], 'a private pass phrase\n')
    expect(added.code, added.stderr).toBe(0)
    expect(added.stdout).toContain('Added admin "anna"')
    const [anna, ...others] = rows()
    expect(others).toEqual([])
    expect(anna).toMatchObject({ login: 'anna', display_name: 'Anna K.', role: 'admin' })
    expect(anna?.password_hash).not.toContain('a private pass phrase')
    expect(phcParameters(String(anna?.password_hash))).toEqual({ algorithm: 'argon2id', memoryCost: 19_456, timeCost: 2, parallelism: 1 })
    expect((await curatorPasswords.check(String(anna?.password_hash), 'a private pass phrase')).ok).toBe(true)
  }, 60_000)

  it('adds an editor scoped to a country', async () => {
    const added = await run(['--login', 'jan.de', '--name', 'Jan', '--role', 'editor', '--country', 'de'], 'another long pass phrase\n')
    expect(added.code, added.stderr).toBe(0)
    expect(rows().at(-1)).toMatchObject({ login: 'jan.de', role: 'editor', country: 'DE', organisation: null })
  }, 60_000)

  it.each([
    ['an existing login', ['--login', 'anna', '--name', 'Other', '--role', 'admin'], 'yet another pass phrase\n', 'already exists'],
    ['a short password', ['--login', 'ben', '--name', 'Ben', '--role', 'admin'], 'short\n', 'at least 12 characters'],
    [
      'an editor without a scope',
      ['--login', 'cleo', '--name', 'Cleo', '--role', 'editor'],
      'a long enough pass phrase\n',
      'needs --organisation or --country',
    ],
    ['an unknown role', ['--login', 'dan', '--name', 'Dan', '--role', 'owner'], 'a long enough pass phrase\n', 'editor or admin'],
  ])(
    'refuses %s with a clear message and changes nothing',
    async (_name, args, stdin, message) => {
      const before = rows()
      const refused = await run(args, stdin)
      expect(refused.code).toBe(1)
      expect(refused.stderr).toContain(message)
      expect(rows()).toEqual(before)
    },
    60_000,
  )
})
