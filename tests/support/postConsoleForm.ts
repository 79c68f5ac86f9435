import type { consoleClient } from './consoleClient'
import { formBody } from './recordFormFields'

/**
 * Posts a form body (repeated names allowed) with the client's cookies, as the console's page would.
 * @example await postConsoleForm(anna, server.base, '/admin/records/preventell', fields)
 */
export function postConsoleForm(
  client: ReturnType<typeof consoleClient>,
  base: string,
  path: string,
  fields: Record<string, string | string[]>,
): Promise<Response> {
  const cookie = [...client.jar].map(([name, value]) => `${name}=${value}`).join('; ')
  return fetch(`${base}${path}`, { method: 'POST', redirect: 'manual', headers: { cookie, origin: base }, body: formBody(fields) })
}
