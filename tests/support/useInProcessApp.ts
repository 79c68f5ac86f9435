import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll } from 'vitest'
import { generateKeyring } from '../../src/core/state/keyring'
import { createNodeApp } from '../../src/runtime/createNodeApp'

type NodeApp = Awaited<ReturnType<typeof createNodeApp>>

/**
 * The whole Node app in this process (`app.request`, no port) on a new SQLite file in the temporary
 * folder, with a fresh key and no log; made before the file's tests and removed after them. The
 * returned object's fields (`app`, `directory`, `close`) are set once `beforeAll` has run.
 * @example const node = useInProcessApp('repost'); it('…', async () => { await node.app.request('/') })
 */
export function useInProcessApp(name: string, options: { console?: false } = {}): NodeApp {
  const folder = mkdtempSync(join(tmpdir(), `helpfinder-${name}-`))
  const node = {} as NodeApp
  beforeAll(async () => {
    Object.assign(
      node,
      await createNodeApp({ databaseFile: join(folder, `${name}.sqlite`), keyring: await generateKeyring(), log: () => {}, ...options }),
    )
  })
  afterAll(() => {
    node.close?.()
    rmSync(folder, { recursive: true, force: true })
  })
  return node
}
