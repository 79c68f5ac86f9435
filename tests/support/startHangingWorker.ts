import { dirname } from 'node:path'
import { Miniflare } from 'miniflare'
import { newKeySpec } from '../../src/core/state/keyring'
import { collectStdio, LOOPBACK_RUNTIME, workerCompatibility } from './startWorker'

/**
 * A fault injected on purpose: the built worker with a "DB" binding whose every call never
 * settles, like a D1 that stopped answering. Implemented as a wrapped binding in workerd itself.
 */
const HANGING_D1 = `
const never = () => new Promise(() => {})
export default function () {
  const statement = { bind() { return statement }, all: never, raw: never, run: never, first: never }
  return { prepare() { return statement }, batch: never, exec: never, dump: never }
}
`

export async function startHangingWorker(scriptPath: string) {
  const logs: string[] = []
  const mf = new Miniflare({
    workers: [
      {
        name: 'helpfinder',
        modules: true,
        scriptPath,
        modulesRoot: dirname(scriptPath),
        ...workerCompatibility(),
        bindings: { STATE_KEYS: newKeySpec('t1') },
        wrappedBindings: { DB: 'hanging-d1' },
      },
      { name: 'hanging-d1', modules: true, script: HANGING_D1 },
    ],
    ...LOOPBACK_RUNTIME,
    handleRuntimeStdio: collectStdio(logs),
  })
  const url = (await mf.ready).origin
  return { url, logs, dispose: () => mf.dispose() }
}
