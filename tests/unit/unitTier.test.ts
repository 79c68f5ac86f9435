import { spawn } from 'node:child_process'
import { createServer } from 'node:net'
import { describe, expect, it } from 'vitest'

// The unit tier's guard (tests/support/unitTierGuard.ts) is what keeps `npm run test:unit` fast.
describe('the unit tier', () => {
  it('refuses a network server', () => {
    expect(() => createServer().listen(0, '127.0.0.1')).toThrow(/unit tier/)
  })

  it('refuses a child process (no browser, no workerd)', () => {
    expect(() => spawn(process.execPath, ['--version'])).toThrow(/unit tier/)
  })
})
