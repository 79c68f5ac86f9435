import { readFileSync } from 'node:fs'
import createClient from 'openapi-fetch'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { components, paths } from './generated/helpfinderApi.generated'
import { helpfinderApiTypes } from './generated/helpfinderApiTypes'
import { startNodeServer } from './support/startNodeServer'

// An integrator's client, generated from the served document (openapi-typescript types, openapi-fetch),
// talks to a real server. `npm run typecheck` checks this file against the generated types, so a
// change to the document that breaks this use of it fails tsc as well as this test.

type TurnResponse = components['schemas']['TurnResponse']

let server: Awaited<ReturnType<typeof startNodeServer>>
beforeAll(async () => {
  server = await startNodeServer()
})
afterAll(async () => {
  await server.stop()
})

describe('a client generated from the document', () => {
  it('completes a conversation to results', async () => {
    const client = createClient<paths>({ baseUrl: server.base })
    const take = async (body: components['schemas']['TurnRequest']): Promise<TurnResponse> => {
      const { data, error, response } = await client.POST('/api/v1/turn', { body })
      expect(error).toBeUndefined()
      expect(response.status).toBe(200)
      if (!data) throw new Error('no body')
      return data
    }
    let turn = await take({ ui: 'en' })
    expect(turn.step.nodeId).toBe('asker')
    // Each answer is the id of an option the step itself offers, as a client built on the types would pick it.
    const wanted: Record<string, string[]> = {
      asker: ['self'],
      age: ['adult'],
      country: ['DE'],
      language: ['de'],
      stage: ['nothing_happened'],
      channels: ['any'],
      anonymity: ['not_needed'],
    }
    while (turn.step.outcome === undefined) {
      const reply = wanted[turn.step.nodeId] ?? []
      for (const id of reply) expect(turn.step.options.map((option) => option.id)).toContain(id)
      turn = await take({ state: turn.state, reply })
    }
    expect(turn.step.outcome).toBe('results')
    const results = turn.results
    expect(results?.tier).toBe('fit')
    const first = results?.services[0]
    expect(first?.reach.length).toBeGreaterThan(0)
    expect(first?.reach[0]?.kind).toMatch(/^(call|mail|link|website|about-page|text)$/)
    expect(turn.urgent.lines.length).toBeGreaterThan(0)
  })

  it('reads a 400 and a 413 as the documented error bodies', async () => {
    const client = createClient<paths>({ baseUrl: server.base })
    const tooLarge = await client.POST('/api/v1/turn', { body: { reply: 'x'.repeat(70 * 1024) } })
    expect(tooLarge.response.status).toBe(413)
    // The error bodies are a union (400: a turn; 413, 500: Error); a turn is the one with a step.
    const body = tooLarge.error
    const error: components['schemas']['Error'] | undefined = body && !('step' in body) ? body : undefined
    expect(error?.error.status).toBe(413)
    expect(error?.urgent.lines.length).toBeGreaterThan(0)
    const notUnderstood = await client.POST('/api/v1/turn', {
      body: { ui: 'en', urgentReason: 'self_harm' },
      bodySerializer: () => '{"state":',
    })
    expect(notUnderstood.response.status).toBe(400)
    expect(notUnderstood.error).toMatchObject({ notice: expect.any(String), step: { nodeId: 'asker' } })
  })

  it('fetches the document itself by its operation', async () => {
    const client = createClient<paths>({ baseUrl: server.base })
    const { data, response } = await client.GET('/api/v1/openapi.json')
    expect(response.status).toBe(200)
    expect(data).toMatchObject({ openapi: '3.1.0' })
  })
})

describe('the generated types', () => {
  it('are what the served document generates now (else: npm run api:types)', async () => {
    const served = await (await fetch(`${server.base}/api/v1/openapi.json`)).json()
    const committed = readFileSync(new URL('./generated/helpfinderApi.generated.ts', import.meta.url), 'utf8')
    expect(committed, 'tests/generated/helpfinderApi.generated.ts is out of date: run npm run api:types').toBe(
      await helpfinderApiTypes(served),
    )
  })
})
