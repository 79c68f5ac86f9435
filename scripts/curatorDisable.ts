/**
 * `npm run curator:disable -- --login anna`            the account can no longer log in; its sessions end at once
 * `npm run curator:disable -- --login anna --enable`   it may log in again
 *
 * Works on the SQLite file (DATABASE_FILE, default .data/helpfinder.sqlite), also while the server
 * runs. The account and its history stay; the change is recorded as an event (docs/curators.md).
 */
import { parseArgs } from 'node:util'
import { CuratorLoginSchema } from '../src/console/auth/curatorLoginSchema'
import { setCuratorDisabled } from '../src/console/auth/setCuratorDisabled'
import { openCuratorDatabase } from './curators/openCuratorDatabase'

const fail = (message: string): never => {
  process.stderr.write(`curator:disable: ${message}\n`)
  process.exit(1)
}

const args = (() => {
  try {
    return parseArgs({ options: { login: { type: 'string' }, enable: { type: 'boolean', default: false } }, strict: true }).values
  } catch {
    return fail('usage: npm run curator:disable -- --login NAME [--enable]')
  }
})()
const login = CuratorLoginSchema.safeParse(args.login)
if (!login.success)
  fail(
    args.login === undefined
      ? 'usage: npm run curator:disable -- --login NAME [--enable]'
      : (login.error.issues[0]?.message ?? 'login: not valid'),
  )
else {
  const { store, file } = openCuratorDatabase()
  const result = setCuratorDisabled(store.db, login.data, !args.enable)
  store.close()
  if (!result.ok) fail(result.error)
  else {
    const state = args.enable ? 'enabled' : 'disabled; its sessions have ended'
    process.stdout.write(`${result.changed ? '' : 'Already so: '}"${login.data}" is ${state} (${file}).\n`)
  }
}
