/**
 * `npm run curator:password -- --login anna`
 *
 * Sets a new password for an account (asked twice without echo; from a script, the first line of
 * standard input) and ends every session of it. Works on the SQLite file (DATABASE_FILE, default
 * .data/helpfinder.sqlite), also while the server runs; recorded as an event (docs/curators.md).
 */
import { parseArgs } from 'node:util'
import { CuratorLoginSchema } from '../src/console/auth/curatorLoginSchema'
import { CuratorPasswordSchema } from '../src/console/auth/curatorPasswordSchema'
import { resetCuratorPassword } from '../src/console/auth/resetCuratorPassword'
import { openCuratorDatabase } from './curators/openCuratorDatabase'
import { readNewPassword } from './curators/readNewPassword'

const USAGE = 'usage: npm run curator:password -- --login NAME'
const fail = (message: string): never => {
  process.stderr.write(`curator:password: ${message}\n`)
  process.exit(1)
}

const args = (() => {
  try {
    return parseArgs({ options: { login: { type: 'string' } }, strict: true }).values
  } catch {
    return fail(USAGE)
  }
})()
const login = CuratorLoginSchema.safeParse(args.login)
if (!login.success) fail(args.login === undefined ? USAGE : (login.error.issues[0]?.message ?? 'login: not valid'))
else {
  const password = CuratorPasswordSchema.safeParse((await readNewPassword()) ?? fail('the two passwords differ'))
  if (!password.success) fail(password.error.issues[0]?.message ?? 'password: not valid')
  else {
    const { store, file } = openCuratorDatabase()
    const result = await resetCuratorPassword(store.db, login.data, password.data)
    store.close()
    if (!result.ok) fail(result.error)
    else process.stdout.write(`New password set for "${login.data}"; all of its sessions have ended (${file}).\n`)
  }
}
