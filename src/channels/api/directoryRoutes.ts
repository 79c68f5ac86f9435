import { type Context, Hono } from 'hono'
import { CountryCode } from '../../core/directory/isoCodes'
import { matchesEtag } from '../shared/matchesEtag'
import type { TurnDeps } from '../shared/turnDeps'
import type { DirectoryError } from './directoryBodySchema'
import { type DirectoryEntity, directoryEntities } from './directoryEntities'

/**
 * The directory as open data (`GET /api/v1/directory`, `GET /api/v1/directory/{country}`). Nothing
 * in it is about a person, so unlike every other response it may be cached by anyone and read by any
 * site's script (no credentials are involved). README "Open data" describes it.
 * @example app.route('/directory', directoryRoutes(deps))
 */
export function directoryRoutes(deps: Pick<TurnDeps, 'directory'>) {
  const app = new Hono()
  const entities = directoryEntities()

  app.get('/', async (c) => servedEntity(c, entities(await deps.directory(), null)))

  app.get('/:country', async (c) => {
    const asked = c.req.param('country')
    if (!/^[A-Za-z]{2}$/.test(asked)) {
      return refused(c, 400, 'The country must be an ISO 3166-1 alpha-2 code of two letters, such as DE.')
    }
    const country = asked.toUpperCase()
    if (!CountryCode.safeParse(country).success) return refused(c, 404, `${country} is not an ISO 3166-1 alpha-2 country code.`)
    const index = await deps.directory()
    if (!index.countries.includes(country)) {
      return refused(c, 404, `The directory holds no services or urgent-help lines for ${country}.`)
    }
    return servedEntity(c, entities(index, country))
  })
  return app
}

/** Any site may read it: no cookie or credential is ever involved, and the body holds nothing personal. */
function openToAnySite(c: Context) {
  c.header('Access-Control-Allow-Origin', '*')
  c.header('Access-Control-Expose-Headers', 'ETag')
  c.header('Cross-Origin-Resource-Policy', 'cross-origin')
}

function servedEntity(c: Context, entity: DirectoryEntity): Response {
  openToAnySite(c)
  c.header('Cache-Control', 'public, max-age=300')
  c.header('ETag', entity.etag)
  if (matchesEtag(c.req.header('if-none-match'), entity.etag)) return c.body(null, 304)
  return c.body(entity.body, 200, { 'Content-Type': 'application/json; charset=utf-8' })
}

function refused(c: Context, status: 400 | 404, message: string): Response {
  openToAnySite(c)
  const body: DirectoryError = { error: { status, message } }
  return c.json(body, status)
}
