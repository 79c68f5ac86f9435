import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadCrisisPhrases } from '../src/app/loadCrisisPhrases'
import { detectUrgentWords } from '../src/core/crisis/detectUrgentWords'
import { orderUrgentLines } from '../src/core/crisis/urgentReason'
import { loadBundledData } from '../src/storage/bundledData'
import { answerAll, postForm } from './support/formConversation'
import { stepOf, telLinksOf } from './support/pageFacts'
import { startNodeServer } from './support/startNodeServer'

const urgent = new Map(loadBundledData().urgent.map((entry) => [entry.country, entry.lines]))
const linesOf = (country: string) => urgent.get(country) ?? []
const matcher = loadCrisisPhrases()

describe('the one urgent question puts the right number first', () => {
  it('a child in danger: the emergency number; a risk of self-harm: the crisis line', () => {
    expect(orderUrgentLines(linesOf('DE'), 'child_danger')[0]?.kind).toBe('emergency')
    expect(orderUrgentLines(linesOf('DE'), 'self_harm')[0]?.kind).toBe('crisis')
    expect(orderUrgentLines(linesOf('DE'), 'other')[0]?.kind).toBe('emergency')
    expect(orderUrgentLines(linesOf('DE'), undefined).map((line) => line.kind)).toEqual(linesOf('DE').map((line) => line.kind))
  })

  it('where no crisis line is on file, self-harm gets the emergency number first; nothing is dropped', () => {
    const ordered = orderUrgentLines(linesOf('BG'), 'self_harm')
    expect(ordered[0]?.kind).toBe('emergency')
    expect(ordered).toHaveLength(linesOf('BG').length)
  })
})

describe('typed words add urgent help', () => {
  it.each([
    ['I want to kill myself', 'self_harm'],
    ['ich will mich umbringen', 'self_harm'],
    ['Selbstmord', 'self_harm'],
    ['ik denk aan zelfmoord', 'self_harm'],
    ['a child is in danger', 'child_danger'],
    ['Das Kind ist in Gefahr!', 'child_danger'],
    ['mijn buurkind is in gevaar, een kind in gevaar', 'child_danger'],
  ])('%s → %s', (text, reason) => {
    expect(detectUrgentWords(matcher, [text])).toBe(reason)
  })

  it.each(['Germany', 'Deutschland', 'skill', 'Nederlands', 'I feel ashamed', 'dangerous roads', 'Kinder'])('not for "%s"', (text) => {
    expect(detectUrgentWords(matcher, [text])).toBeUndefined()
  })
})

describe('over HTTP, by form posts', () => {
  let server: Awaited<ReturnType<typeof startNodeServer>>
  beforeAll(async () => {
    server = await startNodeServer()
  })
  afterAll(async () => {
    await server.stop()
  })

  it('answering "I might hurt myself" shows the crisis line first and big, with a call-now line', async () => {
    const pages = await answerAll(server.base, ['self', 'adult', 'DE'])
    const state = pages[pages.length - 1]?.state ?? ''
    const page = await postForm(server.base, { state, action: 'urgent', urgent_country: 'DE', urgent_reason: 'self_harm' })
    expect(page.status).toBe(200)
    expect(telLinksOf(page.html)[0]).toBe('08001110111')
    expect(page.html).toContain('<li class="first">')
    // The number inside the sentence is a left-to-right isolate, so it reads in order on any page.
    expect(page.html).toContain('Call <bdi class="digits" dir="ltr">0800 111 0 111</bdi> now.')
  })

  it('the urgent page asks its one question until answered', async () => {
    const page = await postForm(server.base, { action: 'urgent', urgent_country: 'NL' })
    expect(page.html).toContain('name="urgent_reason" value="child_danger"')
    expect(telLinksOf(page.html)).toContain('112')
  })

  it('suicidal words typed into a field add the panel above the same question, which stays', async () => {
    const pages = await answerAll(server.base, ['self', 'adult', 'DE', { text: 'ich will nicht mehr leben' }])
    const page = pages[pages.length - 1]
    expect(page?.status).toBe(200)
    expect(stepOf(page?.html ?? '')).toBe('language')
    const html = page?.html ?? ''
    expect(html.indexOf('class="urgent-panel"')).toBeGreaterThan(-1)
    expect(html.indexOf('class="urgent-panel"')).toBeLessThan(html.indexOf('data-step="language"'))
    expect(telLinksOf(html)[0]).toBe('08001110111')
    // Never stored or logged: the log lines hold routes and statuses only.
    expect(JSON.stringify(server.logs)).not.toContain('leben')
  })

  it('an unremarkable answer adds nothing', async () => {
    const pages = await answerAll(server.base, ['self', 'adult', { text: 'Deutschland' }])
    expect(pages[pages.length - 1]?.html).not.toContain('class="urgent-panel"')
  })
})

describe('urgent numbers before a country is given', () => {
  let server: Awaited<ReturnType<typeof startNodeServer>>
  beforeAll(async () => {
    server = await startNodeServer()
  })
  afterAll(async () => {
    await server.stop()
  })

  it('one tap from the first page: the browser language region preselects the country', async () => {
    const start = await answerAll(server.base, [], { 'accept-language': 'de-AT,de;q=0.9,en;q=0.5' })
    const page = await postForm(
      server.base,
      { state: start[0]?.state ?? '', action: 'urgent' },
      { 'accept-language': 'de-AT,de;q=0.9,en;q=0.5' },
    )
    expect(page.html).toContain('Dringende Hilfe · Österreich')
    expect(telLinksOf(page.html)).toContain('112')
  })

  it('an answered country wins over the browser region', async () => {
    const pages = await answerAll(server.base, ['self', 'adult', 'NL'], { 'accept-language': 'de-AT' })
    const page = await postForm(
      server.base,
      { state: pages[pages.length - 1]?.state ?? '', action: 'urgent' },
      { 'accept-language': 'de-AT' },
    )
    expect(page.html).toContain('· Niederlande')
  })
})
