/** One public surface of the server, as the fuzz attacks it. */
export interface FuzzSurface {
  name: string
  method: 'GET' | 'POST'
  path: string
  /** What a well-formed request carries: query parameters, a form, JSON, a Bot Framework activity. */
  kind: 'page' | 'form' | 'json' | 'bot' | 'unknown'
  /** The query parameters the surface reads. */
  params: readonly string[]
}

/**
 * The 13 public surfaces: every page, the three turn endpoints, the OpenAPI document, the bot
 * endpoint, and paths that do not exist. The curator console (/admin) is not public and not here.
 * @example for (const surface of FUZZ_SURFACES) console.log(surface.name)
 */
export const FUZZ_SURFACES: readonly FuzzSurface[] = [
  { name: 'GET /', method: 'GET', path: '/', kind: 'page', params: ['lang'] },
  { name: 'GET /urgent', method: 'GET', path: '/urgent', kind: 'page', params: ['lang', 'country'] },
  { name: 'GET /privacy', method: 'GET', path: '/privacy', kind: 'page', params: ['lang'] },
  { name: 'GET /safety', method: 'GET', path: '/safety', kind: 'page', params: ['lang'] },
  { name: 'GET /demo', method: 'GET', path: '/demo', kind: 'page', params: ['lang'] },
  { name: 'GET /widget.js', method: 'GET', path: '/widget.js', kind: 'page', params: ['v'] },
  { name: 'GET /widget/panel', method: 'GET', path: '/widget/panel', kind: 'page', params: ['partner', 'country', 'lang', 'accent'] },
  { name: 'POST /turn', method: 'POST', path: '/turn', kind: 'form', params: [] },
  { name: 'POST /widget/turn', method: 'POST', path: '/widget/turn', kind: 'form', params: [] },
  { name: 'POST /api/v1/turn', method: 'POST', path: '/api/v1/turn', kind: 'json', params: [] },
  { name: 'GET /api/v1/openapi.json', method: 'GET', path: '/api/v1/openapi.json', kind: 'page', params: ['format'] },
  { name: 'POST /api/messages', method: 'POST', path: '/api/messages', kind: 'bot', params: [] },
  { name: 'unknown paths', method: 'GET', path: '/', kind: 'unknown', params: [] },
]
