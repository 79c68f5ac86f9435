import type { Context } from 'hono'
import { matchesEtag } from './matchesEtag'

/** A script that is the same for everyone: its text, its content version and its (weak) entity tag. */
export interface SharedScript {
  body: string
  version: string
  etag: string
}

/**
 * A public script browsers may keep, since nothing personal is in it: a year at its versioned
 * address (`?v=<version>`), five minutes and a cheap 304 at any other. Weak tag: the Node server
 * may send it compressed, another representation of the same version.
 * @example app.get('/enhance.js', (c) => cacheableScript(c, enhancementScript))
 */
export function cacheableScript(c: Context, script: SharedScript): Response {
  const versioned = c.req.query('v') === script.version
  c.header('Cache-Control', versioned ? 'public, max-age=31536000, immutable' : 'public, max-age=300')
  c.header('ETag', script.etag)
  c.header('Vary', 'Accept-Encoding')
  if (matchesEtag(c.req.header('if-none-match'), script.etag)) return c.body(null, 304)
  return c.body(script.body, 200, { 'Content-Type': 'text/javascript; charset=utf-8' })
}
