/**
 * `npm run curator:add -- --login anna --name "Anna K." --role admin`
 * `npm run curator:add -- --login jan --name "Jan" --role editor --country DE [--organisation "…"]`
 *
 * Creates a curator in the SQLite file (DATABASE_FILE, default .data/helpfinder.sqlite). There is no
 * default account and no sign-up page: this is how the first one is made. The password is asked
 * twice without echo; when standard input is not a terminal (scripts), its first line is read.
 */
import { parseArgs } from 'node:util'
import { addCurator } from '../src/console/auth/addCurator'
import { NewCuratorSchema } from '../src/console/auth/newCuratorSchema'
import { openCuratorDatabase } from './curators/openCuratorDatabase'
import { readNewPassword } from './curators/readNewPassword'

const { values } = parseArgs({
  options: {
    login: { type: 'string' },
    name: { type: 'string' },
    role: { type: 'string' },
    organisation: { type: 'string' },
    country: { type: 'string' },
  },
  strict: true,
})

const fail = (message: string): never => {
  process.stderr.write(`curator:add: ${message}\n`)
  process.exit(1)
}

const password = (await readNewPassword()) ?? fail('the two passwords differ')
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
  const { store, file } = openCuratorDatabase()
  const added = await addCurator(store.db, parsed.data)
  store.close()
  if (!added.ok) fail(added.error)
  else process.stdout.write(`Added ${parsed.data.role} "${parsed.data.login}" to ${file}.\n`)
}
