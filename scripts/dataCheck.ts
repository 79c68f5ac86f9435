/**
 * `npm run data:check`: validates data/ and flows/; prints every problem and exits 1 if any.
 * The same check runs in the tests (tests/dataCheck.test.ts).
 */
import { checkData, projectData } from './checkData'

const problems = checkData(projectData, new Date())
for (const problem of problems) process.stderr.write(`${problem}\n`)
process.stdout.write(problems.length === 0 ? 'data/ and flows/ are valid\n' : `${problems.length} problem(s)\n`)
process.exitCode = problems.length === 0 ? 0 : 1
