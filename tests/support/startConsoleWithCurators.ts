import { expect } from 'vitest'
import type { DirectoryData } from '../../src/core/directory/directoryData'
import { addCurators, consoleClient } from './consoleClient'
import { startNodeServer } from './startNodeServer'

/** The password both curators below log in with. */
export const CURATOR_PASSWORD = 'a long pass phrase'

/**
 * A real server with the console, an admin (anna) and an editor for DE (dora), both logged in.
 * @example ({ server, admin, editor } = await startConsoleWithCurators())
 */
export async function startConsoleWithCurators(options: { seed?: DirectoryData } = {}) {
  const server = await startNodeServer(options)
  await addCurators(server.databaseFile, [
    { login: 'anna', displayName: 'Anna Admin', role: 'admin', password: CURATOR_PASSWORD },
    { login: 'dora', displayName: 'Dora Editor', role: 'editor', country: 'DE', password: CURATOR_PASSWORD },
  ])
  const admin = consoleClient(server.base)
  const editor = consoleClient(server.base)
  expect((await admin.login('anna', CURATOR_PASSWORD)).status).toBe(303)
  expect((await editor.login('dora', CURATOR_PASSWORD)).status).toBe(303)
  return { server, admin, editor }
}
