const decode = (text: string) =>
  text
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
const attr = (tag: string, name: string) => {
  const value = new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1]
  return value === undefined ? undefined : decode(value)
}

/**
 * What a browser would submit from a console record form posting to `action`: every field as the
 * page shows it (checked boxes only, each select's chosen option), repeated names as lists.
 * @example const fields = recordFormFields(await (await client.get('/admin/records/x')).text(), '/admin/records/x')
 */
export function recordFormFields(html: string, action: string): Record<string, string | string[]> {
  const start = html.indexOf(`<form method="post" action="${action}" class="record-form"`)
  if (start === -1) throw new Error(`no record form posting to ${action}`)
  const form = html.slice(start, html.indexOf('</form>', start))
  const fields: [string, string][] = []
  for (const [tag] of form.matchAll(/<input[^>]*>/g)) {
    const name = attr(tag, 'name')
    const type = attr(tag, 'type')
    if (!name || ((type === 'checkbox' || type === 'radio') && !/\schecked/.test(tag))) continue
    fields.push([name, attr(tag, 'value') ?? ''])
  }
  for (const [, open = '', text = ''] of form.matchAll(/<textarea([^>]*)>([\s\S]*?)<\/textarea>/g))
    fields.push([attr(open, 'name') ?? '', decode(text)])
  for (const [, open = '', options = ''] of form.matchAll(/<select([^>]*)>([\s\S]*?)<\/select>/g)) {
    const selected = /<option value="([^"]*)" selected/.exec(options)?.[1] ?? /<option value="([^"]*)"/.exec(options)?.[1] ?? ''
    fields.push([attr(open, 'name') ?? '', decode(selected)])
  }
  const grouped: Record<string, string | string[]> = {}
  for (const [name, value] of fields) {
    const had = grouped[name]
    grouped[name] = had === undefined ? value : [...(Array.isArray(had) ? had : [had]), value]
  }
  return grouped
}

/** The form fields as a body, repeated names kept (URLSearchParams, as a browser encodes them). */
export function formBody(fields: Record<string, string | string[]>): URLSearchParams {
  const params = new URLSearchParams()
  for (const [name, value] of Object.entries(fields)) for (const one of Array.isArray(value) ? value : [value]) params.append(name, one)
  return params
}

/** The text of the field error beside control `id` (empty when there is none), entities decoded. */
export function fieldError(html: string, id: string): string {
  return decode(new RegExp(`<p class="field-error" id="${id}-error">([^<]*)</p>`).exec(html)?.[1] ?? '')
}
