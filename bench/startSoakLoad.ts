import { fork } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import type { SoakJob, SoakSummary } from './soakLoad'

/**
 * Forks bench/soakLoad.ts (tsx's loader comes along in execArgv), gives it the job, and resolves
 * with its summary when the time is up.
 * @example const summary = await startSoakLoad({ kind: 'json', base, concurrency: 8, seconds: 600 })
 */
export async function startSoakLoad(job: SoakJob): Promise<SoakSummary> {
  const child = fork(fileURLToPath(new URL('./soakLoad.ts', import.meta.url)), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })
  return new Promise((resolve, reject) => {
    child.on('message', (message: 'ready' | SoakSummary | { error: string }) => {
      if (message === 'ready') child.send(job)
      else if ('error' in message) reject(new Error(`soak load (${job.kind}): ${message.error}`))
      else resolve(message)
    })
    child.once('error', reject)
    child.once('exit', (code) => reject(new Error(`soak load (${job.kind}) exited with ${code} before its summary`)))
  })
}
