import { createInterface } from 'node:readline'

/**
 * A new password for curator:add and curator:password: asked twice without echo on a terminal;
 * from a script (standard input not a terminal), its first line. Two different answers: `undefined`.
 * @example const password = await readNewPassword(); if (password === undefined) fail('the two passwords differ')
 */
export async function readNewPassword(): Promise<string | undefined> {
  if (!process.stdin.isTTY) return firstLine()
  const first = await ask('Password (at least 12 characters): ')
  const second = await ask('Same password again: ')
  return first === second ? first : undefined
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

async function firstLine(): Promise<string> {
  const lines = createInterface({ input: process.stdin })
  for await (const line of lines) {
    lines.close()
    return line
  }
  return ''
}
