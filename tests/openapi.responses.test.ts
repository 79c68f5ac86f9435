import { questionIds, SELF_IN_GERMANY } from './support/answerPaths'
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as z from 'zod'
import { startNodeServer } from './support/startNodeServer'

// Every response of whole JSON conversations on a real server, checked against the schema its
// status names in the served document: the document cannot drift from the code unnoticed.

const Json = z.record(z.string(), z.unknown())
const Examples = z.record(z.string(), z.object({ summary: z.string(), value: z.unknown() }))
const Media = z.object({ schema: Json, examples: Examples.optional() })
const Operation = z.object({
  requestBody: z.object({ content: z.record(z.string(), Media) }).optional(),
  responses: z.record(z.string(), z.object({ description: z.string(), content: z.record(z.string(), Media).optional() })),
})
const OpenApiDocument = z.object({
  paths: z.record(z.string(), Json),
  components: z.object({ schemas: z.record(z.string(), Json) }),
})

/** What the tests read of a response to find their way through the conversation; ajv checks the rest. */
const Turn = z.looseObject({
  ui: z.string(),
  dir: z.string(),
  state: z.string(),
  notice: z.string().optional(),
  error: z.string().optional(),
  step: z.looseObject({
    nodeId: z.string(),
    options: z.array(z.looseObject({ id: z.string(), selected: z.boolean() })),
    suggestions: z.array(z.object({ id: z.string(), label: z.string() })),
  }),
  results: z.looseObject({ tier: z.string(), services: z.array(Json), helplines: z.array(Json) }).optional(),
  urgent: z.looseObject({ lines: z.array(Json), reason: z.string().optional() }),
  showUrgent: z.boolean(),
  urgentSuggested: z.boolean(),
})
type Turn = z.infer<typeof Turn>

let server: Awaited<ReturnType<typeof startNodeServer>>
let document: z.infer<typeof OpenApiDocument>
let turnOperation: z.infer<typeof Operation>
let ajv: Ajv2020
const validators = new Map<string, ValidateFunction>()
/** Every response checked, by status: the closing test says the run covered what it claims. */
const checked: number[] = []

beforeAll(async () => {
  server = await startNodeServer()
  document = OpenApiDocument.parse(await (await fetch(`${server.base}/api/v1/openapi.json`)).json())
  turnOperation = Operation.parse(document.paths['/api/v1/turn']?.post)
  ajv = new Ajv2020({ strict: true, allErrors: true })
  // The component schemas ride along under their OpenAPI name, so `#/components/schemas/…` resolves.
  ajv.addKeyword('components')
  ajv.addFormat('uri', { type: 'string', validate: (value) => URL.canParse(value) })
  ajv.addFormat('date', { type: 'string', validate: /^\d{4}-\d{2}-\d{2}$/ })
})
afterAll(async () => {
  await server.stop()
})

/** The document's own schema (with its components) compiled once per key. */
function validatorFor(key: string, schema: Record<string, unknown>): ValidateFunction {
  const known = validators.get(key)
  if (known) return known
  const compiled = ajv.compile({ ...schema, components: document.components })
  validators.set(key, compiled)
  return compiled
}

/** The schema the document names for this status of POST /api/v1/turn. */
function responseValidator(status: number): ValidateFunction {
  const schema = turnOperation.responses[String(status)]?.content?.['application/json']?.schema
  if (!schema) throw new Error(`the document describes no JSON body for status ${status}`)
  return validatorFor(`turn ${status}`, schema)
}

function requestValidator(): ValidateFunction {
  const schema = turnOperation.requestBody?.content['application/json']?.schema
  if (!schema) throw new Error('the document describes no JSON request body')
  return validatorFor('turn request', schema)
}

function expectValid(validate: ValidateFunction, value: unknown, what: string) {
  const valid = validate(value)
  expect(valid, `${what}: ${ajv.errorsText(validate.errors, { separator: '\n' })}`).toBe(true)
}

/** Posts a raw body and checks the response against the schema its status names. */
async function postRaw(body: string, expected: number): Promise<unknown> {
  const response = await fetch(`${server.base}/api/v1/turn`, { method: 'POST', headers: { 'content-type': 'application/json' }, body })
  expect(response.status).toBe(expected)
  const json: unknown = await response.json()
  expectValid(responseValidator(response.status), json, `${response.status} response to ${body.slice(0, 80)}`)
  checked.push(response.status)
  return json
}

/** One turn: the request is checked against TurnRequest, the response against its status's schema. */
async function turn(request: Record<string, unknown>, expected = 200): Promise<Turn> {
  expectValid(requestValidator(), request, `request ${JSON.stringify(request)}`)
  return Turn.parse(await postRaw(JSON.stringify(request), expected))
}

/** Starts and answers each reply in turn; returns every response. */
async function conversation(ui: string, replies: (string | string[])[]): Promise<Turn[]> {
  const turns = [await turn({ ui })]
  for (const reply of replies) turns.push(await turn({ state: turns.at(-1)!.state, reply }))
  return turns
}

describe('every response of whole conversations matches the document', () => {
  it('me, an adult, in Germany, in German: to results', async () => {
    const turns = await conversation('en', ['self', 'adult', 'DE', 'de', 'nothing_happened', ['any'], 'not_needed'])
    expect(turns.map((each) => each.step.nodeId)).toEqual([...questionIds(SELF_IN_GERMANY), 'results'])
    expect(turns.at(-1)!.results!.services.length).toBeGreaterThan(0)
  })

  it('someone I know, in the Netherlands: to results', async () => {
    const turns = await conversation('en', ['someone', 'NL', 'nl', 'other_thoughts', ['phone', 'chat'], 'matters'])
    expect(turns.at(-1)!.step.nodeId).toBe('results')
    expect(turns.at(-1)!.results).toBeDefined()
  })

  it('a young person, in Swedish, in Sweden: to results with the directory note', async () => {
    const turns = await conversation('sv', ['young', 'SE', 'sv', 'young_behaviour', ['chat'], 'matters'])
    expect(turns.at(-1)!.step.nodeId).toBe('results')
    expect(turns.at(-1)!.ui).toBe('sv')
  })

  it('me, under 18, in a country with little on file: to results', async () => {
    const turns = await conversation('en', ['self', 'under_18', 'MT', 'en', 'viewed_images', ['self_help'], 'matters'])
    expect(turns.at(-1)!.step.nodeId).toBe('results')
  })

  it('a typed country name with a slip gets "did you mean"; the suggestion answers; a name in another language is understood', async () => {
    const [, , atCountry] = await conversation('en', ['self', 'adult'])
    const missed = await turn({ state: atCountry!.state, reply: 'Germnay' })
    expect(missed.error).toBeDefined()
    expect(missed.step.suggestions.map((suggestion) => suggestion.id)).toContain('DE')
    const chosen = await turn({ state: missed.state, reply: [missed.step.suggestions[0]!.id] })
    expect(chosen.step.nodeId).toBe('language')
    const french = await turn({ state: atCountry!.state, reply: 'Allemagne' })
    expect(french.step.nodeId).toBe('language')
  })

  it('back, restart and a language change keep to the document', async () => {
    const turns = await conversation('en', ['someone', 'IE', 'en', 'other_images', ['any'], 'not_needed'])
    const results = turns.at(-1)!
    const back = await turn({ state: results.state, action: 'back' })
    expect(back.step.nodeId).toBe('anonymity')
    expect(back.step.options.some((option) => option.selected)).toBe(true)
    const arabic = await turn({ state: results.state, action: 'language', ui: 'ar' })
    expect([arabic.ui, arabic.dir, arabic.step.nodeId]).toEqual(['ar', 'rtl', 'results'])
    const again = await turn({ state: results.state, action: 'restart' })
    expect(again.step.nodeId).toBe('asker')
  })

  it('urgent help: asked for, reached through the flow, and suggested by typed words', async () => {
    const [, , atCountry] = await conversation('en', ['self', 'adult'])
    const asked = await turn({ state: atCountry!.state, action: 'urgent', urgentReason: 'self_harm', urgentCountry: 'DE' })
    expect([asked.showUrgent, asked.urgent.reason]).toEqual([true, 'self_harm'])
    const unknownCountry = await turn({ action: 'urgent', urgentReason: 'child_danger', ui: 'de' })
    expect(unknownCountry.urgent.lines.length).toBeGreaterThan(0)
    const typed = await turn({ state: atCountry!.state, reply: 'I want to kill myself' })
    expect(typed.urgentSuggested).toBe(true)
    const flow = await conversation('en', ['someone', 'FR', 'fr', 'child_in_danger'])
    expect(flow.at(-1)!.step.nodeId).toBe('urgent')
  })

  it('a malformed body gets 400, described as a turn with a notice', async () => {
    const broken = Turn.parse(await postRaw('{"state": "broken', 400))
    expect(broken.notice).toBeDefined()
    const wrongType = Turn.parse(await postRaw(JSON.stringify({ reply: 5, ui: 'fr' }), 400))
    expect(wrongType.ui).toBe('fr')
  })

  it('an oversized body gets 413 with the Error body', async () => {
    const body = z
      .object({ error: z.object({ status: z.number() }) })
      .parse(await postRaw(JSON.stringify({ reply: 'x'.repeat(70 * 1024) }), 413))
    expect(body.error.status).toBe(413)
  })

  it('checked every status the conversations met', () => {
    expect(checked.filter((status) => status === 200).length).toBeGreaterThanOrEqual(40)
    expect(checked.filter((status) => status === 400)).toHaveLength(2)
    expect(checked.filter((status) => status === 413)).toHaveLength(1)
  })
})

describe('the schemas bite', () => {
  async function resultsBody(): Promise<Record<string, unknown>> {
    const turns = await conversation('en', ['self', 'adult', 'DE', 'de', 'nothing_happened', ['any'], 'not_needed'])
    const response = await fetch(`${server.base}/api/v1/turn`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ state: turns.at(-2)!.state, reply: 'not_needed' }),
    })
    return Json.parse(await response.json())
  }

  it('a made-up field in a real response, at the top or inside a service card, fails validation', async () => {
    const body = await resultsBody()
    const validate = responseValidator(200)
    expectValid(validate, body, 'the real results response')
    expect(validate({ ...body, madeUp: 1 })).toBe(false)
    expect(validate.errors?.some((error) => error.keyword === 'additionalProperties')).toBe(true)
    const results = Json.parse(body.results)
    const [first, ...rest] = z.array(Json).parse(results.services)
    expect(validate({ ...body, results: { ...results, services: [{ ...first, madeUp: 'x' }, ...rest] } })).toBe(false)
    expect(validate.errors?.map((error) => error.instancePath)).toContain('/results/services/0')
  })

  it('a field always sent, left out, fails; a field sent as null where the code leaves it out fails', async () => {
    const body = await resultsBody()
    const validate = responseValidator(200)
    const { state: _state, ...withoutState } = body
    expect(validate(withoutState)).toBe(false)
    expect(validate({ ...body, notice: null })).toBe(false)
  })
})

describe("the document's own examples", () => {
  it('every example of every operation matches the schema beside it', () => {
    let count = 0
    for (const [path, item] of Object.entries(document.paths))
      for (const [method, value] of Object.entries(item)) {
        const operation = Operation.safeParse(value)
        if (!operation.success) continue
        const media = [
          ...Object.values(operation.data.requestBody?.content ?? {}).map((each) => ['request', each] as const),
          ...Object.entries(operation.data.responses).flatMap(([status, response]) =>
            Object.values(response.content ?? {}).map((each) => [status, each] as const),
          ),
        ]
        for (const [where, { schema, examples }] of media)
          for (const [name, example] of Object.entries(examples ?? {})) {
            expectValid(validatorFor(`${method} ${path} ${where} example`, schema), example.value, `${method} ${path} ${where} ${name}`)
            count++
          }
      }
    // The worked conversation: every request from start to results, and responses for 200, 400 and 413.
    expect(count).toBeGreaterThanOrEqual(15)
  })
})
