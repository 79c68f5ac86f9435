/** Drives the no-JavaScript web channel like a browser with JavaScript off: GET, then form POSTs. */
export interface FormPage {
  status: number
  html: string
  headers: Headers
  state: string
}

/** The hidden state field of the page's main form (the first one carries the same token). */
export function stateOf(html: string): string {
  const match = /name="state" value="([^"]+)"/.exec(html)
  if (!match?.[1]) throw new Error('page has no state field')
  return match[1]
}

/** @example const page = await postForm(base, { state, action: 'answer', answer: ['self'] }) */
export async function postForm(
  base: string,
  fields: Record<string, string | string[]>,
  headers: Record<string, string> = {},
  path = '/turn',
): Promise<FormPage> {
  const body = new URLSearchParams()
  for (const [name, value] of Object.entries(fields)) {
    for (const item of Array.isArray(value) ? value : [value]) body.append(name, item)
  }
  const response = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body,
    redirect: 'manual',
  })
  const html = await response.text()
  return { status: response.status, html, headers: response.headers, state: /name="state"/.test(html) ? stateOf(html) : '' }
}

/** Opens the start page. */
export async function openStart(base: string, headers: Record<string, string> = {}, path = '/'): Promise<FormPage> {
  const response = await fetch(`${base}${path}`, { headers })
  const html = await response.text()
  return { status: response.status, html, headers: response.headers, state: stateOf(html) }
}

/** Answers each question in turn; every step is one form post carrying the previous page's state. */
export async function answerAll(
  base: string,
  answers: (string | string[] | { text: string })[],
  headers: Record<string, string> = {},
): Promise<FormPage[]> {
  const pages = [await openStart(base, headers)]
  for (const answer of answers) {
    const previous = pages[pages.length - 1]
    if (!previous) throw new Error('no page')
    const fields: Record<string, string | string[]> = { state: previous.state, action: 'answer' }
    if (typeof answer === 'object' && !Array.isArray(answer)) fields.answer_text = answer.text
    else fields.answer = answer
    pages.push(await postForm(base, fields, headers))
  }
  return pages
}
