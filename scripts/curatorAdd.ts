/**
 * `npm run curator:add -- --login anna --name "Anna K." --role admin`
 * `npm run curator:add -- --login jan --name "Jan" --role editor --country DE [--organisation "…"]`
 *
 * Creates a curator in the SQLite file (DATABASE_FILE, default .data/helpfinder.sqlite). There is no
 * default account and no sign-up page: this is how the first one is made. The password is asked
 * twice without echo; when standard input is not a terminal (scripts), its first line is read.
 */
import { createInterface } from 'node:readline'
import { parseArgs } from 'node:util'
import { fileURLToPath } from 'node:url'
import { addCurator } from '../src/curator/addCurator'
import { NewCuratorSchema } from '../src/curator/newCuratorSchema'
import { loadBundledData } from '../src/storage/bundledData'
import { openSqliteDirectory } from '../src/storage/sqlite/openSqliteDirectory'

const { values } = parseArgs({
  options: { login: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' }, organisation: { type: 'string' }, country: { type: 'string' } },
  strict: true,
})

const fail = (message: string): never => {
  process.stderr.write(`curator:add: ${message}\n`)
  process.exit(1)
}

const password = process.stdin.isTTY ? await askTwice() : await firstLine()
const parsed = NewCuratorSchema.safeParse({
  login: values.login,
  displayName: values.name,
  role: values.role,
  organisation: values.organisation,
  country: values.country?.toUpperCase(),
  password,
})
if (!parsed.success) fail(parsed.error.issues.map((issue) => issue.message).join('; '))
else {
  const file = process.env.DATABASE_FILE ?? '.data/helpfinder.sqlite'
  const store = openSqliteDirectory(file, loadBundledData(), fileURLToPath(new URL('../migrations', import.meta.url)))
  const added = await addCurator(store.db, parsed.data)
  store.close()
  if (!added.ok) fail(added.error)
  else process.stdout.write(`Added ${parsed.data.role} "${parsed.data.login}" to ${file}.\n`)
}

/** Reads a password from the terminal without showing it (raw mode: nothing is echoed). */
function ask(prompt: string): Promise<string> {
  process.stdout.write(prompt)
  process.stdin.setRawMode(true)
  process.stdin.resume()
  let answer = ''
  return new Promise((resolve) => {
    const done = () => {
      process.stdin.setRawMode(false)
      process.stdin.pause()
      process.stdin.off('data', onData)
      process.stdout.write('\n')
    }
    const onData = (chunk: Buffer) => {
      for (const char of chunk.toString('utf8')) {
        if (char === '\r' || char === '\n') {
          done()
          resolve(answer)
          return
        }
        if (char === '\u0003') {
          done()
          process.exit(130)
        }
        answer = char === '\u007f' || char === '\b' ? answer.slice(0, -1) : answer + char
      }
    }
    process.stdin.on('data', onData)
  })
}

async function askTwice(): Promise<string> {
  const first = await ask('Password (at least 12 characters): ')
  const second = await ask('Same password again: ')
  return first === second ? first : fail('the two passwords differ')
}

async function firstLine(): Promise<string> {
  const lines = createInterface({ input: process.stdin })
  for await (const line of lines) {
    lines.close()
    return line
  }
  return ''
}
