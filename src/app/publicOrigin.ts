import * as z from 'zod'
import { fail, ok, type Result } from '../core/result'

const Origin = z.url({ protocol: /^https?$/ }).transform((value) => new URL(value))

/**
 * `PUBLIC_ORIGIN`: the address people reach this service at (e.g. `https://help.example.org`), as the
 * operator configures it. Used where the server must name itself (embed snippets) instead of trusting
 * the Host header, and — when it is https — to send HSTS. Unset is allowed (local use).
 * @example publicOrigin('https://help.example.org/') // { ok: true, value: 'https://help.example.org' }
 */
export function publicOrigin(value: string | undefined): Result<string | undefined, string> {
  if (value === undefined || value.trim() === '') return ok(undefined)
  const parsed = Origin.safeParse(value.trim())
  if (!parsed.success) return fail('PUBLIC_ORIGIN must be an http(s) address such as https://help.example.org')
  const url = parsed.data
  if ((url.pathname !== '/' && url.pathname !== '') || url.search || url.hash || url.username || url.password) {
    return fail('PUBLIC_ORIGIN must be an origin only (scheme, host and port), with no path, query or credentials')
  }
  return ok(url.origin)
}
