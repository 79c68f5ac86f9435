import { createRequire, syncBuiltinESMExports } from 'node:module'

/**
 * The unit tier's promise, held: no network server, no child process (no browser, no workerd).
 * A unit test that tries either fails at once, and belongs in the full suite instead.
 */
const require = createRequire(import.meta.url)
const refuse = (what: string) => () => {
  throw new Error(`the unit tier (tests/unit/) starts no ${what}: move this test to tests/`)
}
const net: typeof import('node:net') = require('node:net')
net.Server.prototype.listen = refuse('network server')
const childProcess: typeof import('node:child_process') = require('node:child_process')
for (const name of ['spawn', 'spawnSync', 'fork', 'exec', 'execSync', 'execFile', 'execFileSync'] as const) {
  Object.defineProperty(childProcess, name, { value: refuse('child process'), configurable: true, writable: true })
}
syncBuiltinESMExports()
