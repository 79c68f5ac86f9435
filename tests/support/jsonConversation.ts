import * as z from 'zod'

const ApiView = z.object({
  state: z.string(),
  notice: z.string().nullish(),
  step: z.object({ outcome: z.string().nullish() }),
  results: z.object({ services: z.array(z.object({ id: z.string() })) }).nullish(),
})

/**
 * A whole conversation through the public JSON API (`POST /api/v1/turn`): start, then one reply
 * per question, each carrying the state the last answer returned. Returns every answer's status and the last view.
 * @example const { last } = await jsonConversation(base, [['self'], ['adult'], ['DE'], ['de'], ['nothing_happened'], ['any'], ['not_needed']])
 */
export async function jsonConversation(base: string, replies: string[][], ui = 'de') {
  const statuses: number[] = []
  let view: z.infer<typeof ApiView> | undefined
  for (const reply of [undefined, ...replies]) {
    const request = reply ? { state: view?.state, action: 'answer', reply } : { action: 'start', ui }
    const response = await fetch(`${base}/api/v1/turn`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(request),
    })
    statuses.push(response.status)
    view = ApiView.parse(await response.json())
  }
  if (!view) throw new Error('no answer')
  return { statuses, last: view }
}
