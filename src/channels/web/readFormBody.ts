import type { HonoRequest } from 'hono'

/** A form's fields as parseBody({ all: true }) gives them: one value as a string, repeated ones as a list. */
export type FormBody = Record<string, string | File | (string | File)[]>

/**
 * The posted form. A URL-encoded form (what every browser sends for Helpfinder's forms) is read
 * with URLSearchParams: Hono's parseBody goes through a Response's formData(), which cost a
 * quarter of an HTML turn. Anything else (multipart) goes through parseBody as before. A body that
 * cannot be read gives undefined, and the caller answers with a kind error.
 * @example const body = (await readFormBody(c.req)) ?? {}
 */
export async function readFormBody(request: HonoRequest): Promise<FormBody | undefined> {
  const type = request.header('content-type') ?? ''
  if (!/^application\/x-www-form-urlencoded\s*(;|$)/i.test(type)) return request.parseBody({ all: true }).catch(() => undefined)
  const text = await request.text().catch(() => undefined)
  if (text === undefined) return undefined
  const body: FormBody = {}
  for (const [name, value] of new URLSearchParams(text)) {
    const known = body[name]
    body[name] = known === undefined ? value : Array.isArray(known) ? [...known, value] : [known, value]
  }
  return body
}
