import Database from 'better-sqlite3'
import { drizzle } from 'drizzle-orm/better-sqlite3'
import { addCurator } from '../../src/console/auth/addCurator'
import type { NewCurator } from '../../src/console/auth/newCuratorSchema'
import * as schema from '../../src/storage/schema'

/** Adds curators straight into a server's SQLite file (what `npm run curator:add` does). */
export async function addCurators(databaseFile: string, curators: NewCurator[]): Promise<void> {
  const sqlite = new Database(databaseFile)
  try {
    const db = drizzle(sqlite, { schema })
    for (const curator of curators) {
      const added = await addCurator(db, curator)
      if (!added.ok) throw new Error(added.error)
    }
  } finally {
    sqlite.close()
  }
}

/** The hidden CSRF field of a console page. */
export function csrfOf(html: string): string {
  const token = /name="csrf" value="([^"]+)"/.exec(html)?.[1]
  if (!token) throw new Error('no csrf field on the page')
  return token
}

/**
 * A curator's browser reduced to HTTP: a cookie jar (name=value only), form posts, no redirects
 * followed unless asked. For the console's HTTP tests; the browser tests use real Chromium.
 * @example const client = consoleClient(server.base); await client.login('anna', 'a long pass phrase')
 */
export function consoleClient(base: string) {
  const jar = new Map<string, string>()
  const remember = (response: Response) => {
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';')
      const at = pair.indexOf('=')
      const name = pair.slice(0, at)
      const value = pair.slice(at + 1)
      if (/Max-Age=0/i.test(line) || value === '') jar.delete(name)
      else jar.set(name, value)
    }
    return response
  }
  const cookie = () => [...jar].map(([name, value]) => `${name}=${value}`).join('; ')
  const client = {
    jar,
    async get(path: string): Promise<Response> {
      return remember(await fetch(`${base}${path}`, { redirect: 'manual', headers: { cookie: cookie() } }))
    },
    /** Posts a form (urlencoded, repeated names as URLSearchParams, or multipart as FormData) as the console's own page would. */
    async post(path: string, fields: Record<string, string> | FormData | URLSearchParams): Promise<Response> {
      const body = fields instanceof FormData || fields instanceof URLSearchParams ? fields : new URLSearchParams(fields)
      return remember(
        await fetch(`${base}${path}`, { method: 'POST', redirect: 'manual', headers: { cookie: cookie(), origin: base }, body }),
      )
    },
    /** Opens the login page and logs in; returns the login POST's response (303 on success). */
    async login(login: string, password: string): Promise<Response> {
      const page = await (await client.get('/admin/login')).text()
      return client.post('/admin/login', { login, password, csrf: csrfOf(page) })
    },
    /** The CSRF token of the current session, read from a console page. */
    async csrf(): Promise<string> {
      return csrfOf(await (await client.get('/admin/records')).text())
    },
  }
  return client
}
