import type { Activity } from 'botbuilder'
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { activity, button, LOCAL_TESTING, postActivity, textOf } from './support/botClient'
import { answerAll } from './support/formConversation'
import { startNodeServer } from './support/startNodeServer'
import { answerPath, formAnswers } from './support/answerPaths'

// Issue 16: a record on file that fits but has no confirmed contact is named in one calm line, never linked.
let server: Awaited<ReturnType<typeof startNodeServer>>
beforeAll(async () => {
  server = await startNodeServer({ bot: LOCAL_TESTING })
})
afterAll(async () => server.stop())

const AUSTRIA = formAnswers(answerPath({ country: 'AT', channels: ['phone'], anonymity: 'not_needed' }))
const SWEDEN = formAnswers(answerPath({ country: 'SE', language: 'sv', channels: ['phone'], anonymity: 'not_needed' }))
const LINE = 'Also on file for Austria:'
const FTZ = 'Forensisch Therapeutisches Zentrum Wien (FTZW)'

/** The on-file paragraph of a results page, or undefined when there is none. */
function onFileOf(html: string): string | undefined {
  return /<p class="muted" id="on-file">([\s\S]*?)<\/p>/.exec(html)?.[1]
}

const Records = z.object({
  initiatives: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      status: z.string(),
      kind: z.string(),
      countries: z.array(z.string()),
      online: z.boolean(),
      website: z.string().nullable(),
      contacts: z.array(z.object({ value: z.string().nullable() })),
    }),
  ),
})
const records = Records.parse(JSON.parse(readFileSync(new URL('../data/initiatives.json', import.meta.url), 'utf8'))).initiatives
const unconfirmedIds = new Set(
  records
    .filter(
      (record) =>
        record.status === 'active' &&
        record.kind === 'prevention' &&
        record.website === null &&
        record.contacts.every((contact) => contact.value === null),
    )
    .map((record) => record.id),
)

describe('a person in Austria worried about their own thoughts, nothing happened', () => {
  it('the results page names FTZ Wien in the on-file line, as directory text, with no number or link for it', async () => {
    const pages = await answerAll(server.base, AUSTRIA, { 'accept-language': 'en' })
    const html = pages.at(-1)?.html ?? ''
    const line = onFileOf(html)
    expect(line).toBeDefined()
    expect(line).toContain('Also on file for')
    // The stored name isolated (bdi), so a right-to-left page keeps its punctuation in place.
    expect(line).toContain(`<bdi lang="en" dir="ltr">${FTZ}</bdi>`)
    expect(line).not.toMatch(/href=|tel:|https?:/)
    expect(html).not.toContain('data-service="ftz-wien"')
  })

  it('the JSON API carries the list with ids and names, and no contact for it', async () => {
    const View = z.object({
      state: z.string(),
      results: z
        .object({
          onFile: z
            .object({ label: z.string(), note: z.string(), records: z.array(z.object({ id: z.string(), name: z.string() })) })
            .nullish(),
          services: z.array(z.object({ id: z.string() })),
        })
        .nullish(),
    })
    let view: z.infer<typeof View> | undefined
    for (const reply of [undefined, ...AUSTRIA.map((answer) => (Array.isArray(answer) ? answer : [answer]))]) {
      const request = reply ? { state: view?.state, action: 'answer', reply } : { action: 'start', ui: 'en' }
      const response = await fetch(`${server.base}/api/v1/turn`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(request),
      })
      expect(response.status).toBe(200)
      view = View.parse(await response.json())
    }
    expect(view?.results?.onFile?.label).toBe(LINE)
    expect(view?.results?.onFile?.note).toBe('We could not confirm a way to get in touch, so we do not show a number or link.')
    expect(view?.results?.onFile?.records).toContainEqual({ id: 'ftz-wien', name: FTZ })
    expect(view?.results?.services.map((service) => service.id)).not.toContain('ftz-wien')
  })

  it('the bot says the line as plain text after the services', async () => {
    const send = async (body: Record<string, unknown>) => (await postActivity(server.base, activity(body))).activities
    let replies: Activity[] = await send({ type: 'conversationUpdate', membersAdded: [{ id: 'helpfinder-bot' }, { id: 'person-1' }] })
    const moves: ({ click: string } | { type: string })[] = [
      { click: 'self' },
      { click: 'adult' },
      { type: 'Austria' },
      { type: 'German' },
      { click: 'nothing_happened' },
      { click: 'phone' },
      { click: 'not_needed' },
    ]
    for (const move of moves) {
      replies =
        'click' in move
          ? await send({ value: button(replies, move.click).value })
          : await send({ text: move.type, value: replies.at(-1)?.value })
    }
    const line = replies.find((reply) => typeof reply.text === 'string' && reply.text.startsWith(LINE))
    expect(line?.text).toBe(`${LINE} ${FTZ}. We could not confirm a way to get in touch, so we do not show a number or link.`)
    expect(line?.textFormat).toBe('plain')
    expect(textOf(replies)).toContain(FTZ)
  })
})

describe('a person in Sweden worried about their own thoughts, nothing happened', () => {
  it('gets PrevenTell among the services now that its site is confirmed (issue 16), and no on-file line for it', async () => {
    const html = (await answerAll(server.base, SWEDEN, { 'accept-language': 'en' })).at(-1)?.html ?? ''
    expect(html).toContain('data-service="preventell"')
    expect(onFileOf(html) ?? '').not.toContain('PrevenTell')
  })
})

describe('a person in Germany, with reachable services', () => {
  it('sees no on-file line unless a German record without a confirmed contact fits, and never an Austrian one', async () => {
    const html = (await answerAll(server.base, formAnswers(answerPath({ channels: ['phone'] })))).at(-1)?.html ?? ''
    expect(html).toContain('data-service="kein-taeter-werden"')
    const line = onFileOf(html)
    if (line === undefined) return
    expect(line).not.toContain(FTZ)
    const names = [...line.matchAll(/<bdi lang="en" dir="ltr">([^<]+)<\/bdi>/g)].map((match) => match[1])
    expect(names.length).toBeGreaterThan(0)
    for (const name of names) {
      const record = records.find((entry) => entry.name === name)
      expect(unconfirmedIds.has(record?.id ?? ''), name).toBe(true)
      expect(record?.countries.includes('DE') || record?.online).toBe(true)
    }
  })
})
