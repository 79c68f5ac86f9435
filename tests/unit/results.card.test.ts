import { describe, expect, it } from 'vitest'
import en from '../../locales/en/translation.json'
import { monthYear } from '../../src/channels/shared/monthYear'
import { serviceView } from '../../src/channels/shared/serviceView'
import { createTranslator } from '../../src/i18n/createTranslator'
import { loadBundledData } from '../../src/storage/bundledData'
import { useInProcessApp } from '../support/useInProcessApp'
import { answerPath, formAnswers } from '../support/answerPaths'

// Issue 20: a result card in a human voice. The way in first (the number or address itself), a
// website's channels folded into its one line, dates as months in the person's language, and on
// right-to-left pages every text not in the page's language marked with its lang and dir, names
// and numbers isolated in <bdi>.

const data = loadBundledData()
const record = (id: string) => {
  const found = data.initiatives.find((initiative) => initiative.id === id)
  if (!found) throw new Error(`${id} missing from data/`)
  return found
}

const node = useInProcessApp('card')

const stateOf = (html: string) => /name="state" value="([^"]+)"/.exec(html)?.[1] ?? ''

/** The results page for `answers`, in `language`, answered form by form. */
async function resultsPage(answers: (string | string[])[], language: string): Promise<string> {
  let html = await (await node.app.request('/', { headers: { 'accept-language': language } })).text()
  for (const answer of answers) {
    const body = new URLSearchParams([
      ['state', stateOf(html)],
      ['action', 'answer'],
    ])
    for (const reply of Array.isArray(answer) ? answer : [answer]) body.append('answer', reply)
    const response = await node.app.request('/turn', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'accept-language': language },
      body,
    })
    html = await response.text()
  }
  return html
}

function cardOf(html: string, id: string): string {
  const start = html.indexOf(`<article class="card" data-service="${id}">`)
  expect(start, `card ${id}`).toBeGreaterThan(-1)
  return html.slice(start, html.indexOf('</article>', start))
}

describe('monthYear', () => {
  it('says a recorded day or month as a month in the language, and a year as a year', () => {
    expect(monthYear('2025-03-14', 'en')).toBe('March 2025')
    expect(monthYear('2025-03', 'de')).toBe('März 2025')
    expect(monthYear('2025-03', 'ar')).toMatch(/^مارس/)
    expect(monthYear('2021', 'en')).toBe('2021')
    expect(monthYear('undated', 'en')).toBe('undated')
  })
})

describe('the ways in', () => {
  it('folds the channels a website leads to into its one line: no line repeating the website', async () => {
    const t = (await createTranslator()).t('en')
    const view = serviceView(record('kein-taeter-werden'), [], t, 'en', Date.now(), 'DE')
    const website = 'https://www.kein-taeter-werden.de'
    expect(view.reach.filter((line) => line.href === website)).toHaveLength(1)
    expect(view.reach.find((line) => line.href === website)).toMatchObject({
      kind: 'website',
      label: en.results.website,
      leadsTo: `Phone, In person, Group: ${en.results.channel_via_website}`,
      text: 'www.kein-taeter-werden.de',
    })
    // The API's contacts keep their documented shape, now saying which ones the website leads to.
    expect(view.contacts.every((contact) => contact.viaWebsite && contact.href === website)).toBe(true)
  })

  it('on the page, says "through their website" once per card, with the address as the link', async () => {
    const page = await resultsPage(formAnswers(answerPath({ channels: ['any'] })), 'en')
    for (const id of ['troubled-desire', 'kein-taeter-werden']) {
      const card = cardOf(page, id)
      expect(card.match(new RegExp(en.results.channel_via_website, 'g'))).toHaveLength(1)
      expect(card.match(/<li class="contact"/g)).toHaveLength(1)
      // The way in comes right after the name.
      expect(card).toMatch(/^<article class="card" data-service="[^"]+"><h2 class="name"><bdi>[^<]+<\/bdi><\/h2><ul class="reach">/)
    }
    expect(cardOf(page, 'kein-taeter-werden')).toContain(
      `Phone, In person, Group: ${en.results.channel_via_website} <a class="addr" href="https://www.kein-taeter-werden.de" rel="noreferrer"><bdi dir="ltr">www.kein-taeter-werden.de</bdi></a>`,
    )
  })

  it('writes an email address as a mailto: link', async () => {
    const t = (await createTranslator()).t('fr')
    const view = serviceView(record('seos-wallonie-bruxelles'), [], t, 'fr', Date.now(), 'BE')
    expect(view.reach).toContainEqual(expect.objectContaining({ kind: 'mail', text: 'contact@seos.be', href: 'mailto:contact@seos.be' }))
  })
})

describe('a card on an Arabic page', () => {
  it('keeps numbers and names whole and marks the English texts', async () => {
    const page = await resultsPage(
      formAnswers(answerPath({ country: 'NL', language: 'nl', channels: ['any'], anonymity: 'not_needed' })),
      'ar',
    )
    expect(page).toContain('<html lang="ar" dir="rtl"')
    const card = cardOf(page, 'stop-it-now-nl')
    // The number first, a tap-to-call link, isolated left to right so "0800 266 64 36" stays together.
    expect(card).toContain('<a class="tel" href="tel:08002666436" rel="noreferrer"><bdi dir="ltr">0800 266 64 36</bdi></a>')
    expect(card).toContain('<span lang="en" dir="ltr">Free and anonymous.</span>')
    expect(card).toMatch(/<h2 class="name"><bdi>Stop it Now! Nederland<\/bdi><\/h2>/)
    if (record('stop-it-now-nl').organisation) expect(card).toMatch(/<p class="muted org" lang="en" dir="ltr"><bdi>/)
    // Sources are named by their site, isolated; no ISO dates in what is read.
    expect(card).toContain('<bdi dir="ltr">eokm.nl</bdi>')
    expect(card.replace(/<[^>]+>/g, ' ')).not.toMatch(/\d{4}-\d{2}/)
    // Every lang="en" text runs left to right.
    for (const match of card.matchAll(/<[a-z0-9]+ [^>]*lang="en"[^>]*>/g)) expect(match[0]).toContain('dir="ltr"')
  })
})
