import * as z from 'zod'

/**
 * An https:// address: every URL a record holds (its sources, its website, its page about the service).
 * @example HttpsUrl.safeParse('http://example.org').success // false
 */
export const HttpsUrl = z.url({ protocol: /^https$/, error: 'must be an https:// URL' })
