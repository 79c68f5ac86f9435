/**
 * `npm run data:check`: validates data/ and flows/; prints every problem and exits 1 if any.
 * Notes (lines worth knowing that are not problems) go to stdout and do not fail the check.
 * The same check runs in the tests (tests/dataCheck.test.ts).
 */
import { checkData, projectData } from './checkData'

const problems = checkData(projectData, new Date(), (line) => process.stdout.write(`note: ${line}\n`))
for (const problem of problems) process.stderr.write(`${problem}\n`)
process.stdout.write(problems.length === 0 ? 'data/ and flows/ are valid\n' : `${problems.length} problem(s)\n`)
process.exitCode = problems.length === 0 ? 0 : 1
