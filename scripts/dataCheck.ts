/**
 * `npm run data:check`: validates data/ and flows/; prints every problem and exits 1 if any.
 * Notes (lines worth knowing that are not problems) go to stdout and do not fail the check.
 * The same check runs in the tests (tests/unit/dataCheck.test.ts). Partner origins are held to a public
 * server's rules unless PARTNER_DEV_ORIGINS=on (then http://localhost is accepted too, with a note).
 */
import { embedOriginRulesFromEnv } from '../src/app/embedOriginRulesFromEnv'
import { checkData, projectData } from './checkData'

const note = (line: string) => process.stdout.write(`note: ${line}\n`)
const origins = embedOriginRulesFromEnv(process.env)
if (origins.devOrigins) note('PARTNER_DEV_ORIGINS=on: partner origins on localhost are accepted (development only)')
const problems = checkData(projectData, new Date(), note, origins)
for (const problem of problems) process.stderr.write(`${problem}\n`)
process.stdout.write(problems.length === 0 ? 'data/ and flows/ are valid\n' : `${problems.length} problem(s)\n`)
process.exitCode = problems.length === 0 ? 0 : 1
