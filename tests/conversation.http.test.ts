import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { answerAll, openStart, postForm } from './support/formConversation'
import { langOf, servicesOf, stepOf, telLinksOf } from './support/pageFacts'
import { startNodeServer } from './support/startNodeServer'
import { answerPath, formAnswers, SELF_IN_GERMANY } from './support/answerPaths'

// The no-JavaScript path: a real server on loopback, a real SQLite file, nothing but form posts.
let server: Awaited<ReturnType<typeof startNodeServer>>
beforeAll(async () => {
  server = await startNodeServer()
})
afterAll(async () => {
  await server.stop()
})

const last = <T>(items: T[]): T => {
  const item = items[items.length - 1]
  if (item === undefined) throw new Error('no pages')
  return item
}

describe('a full conversation for each kind of person, by HTML form posts only', () => {
  it('someone worried about their own thoughts, in Germany, gets the German prevention network', async () => {
    const pages = await answerAll(server.base, formAnswers(SELF_IN_GERMANY))
    expect(pages.map((page) => page.status)).toEqual(pages.map(() => 200))
    expect(pages.slice(0, -1).map((page) => stepOf(page.html))).toEqual([
      'asker',
      'age',
      'country',
      'language',
      'stage',
      'channels',
      'anonymity',
    ])
    const services = servicesOf(last(pages).html)
    expect(services).toContain('kein-taeter-werden')
    expect(services).toContain('troubled-desire')
    expect(last(pages).html).toContain('Kein Täter werden')
  })

  it('someone who has viewed sexual images of children, in the UK, gets Stop It Now', async () => {
    const pages = await answerAll(server.base, ['self', 'adult', 'GB', 'en', 'viewed_images', ['any'], 'not_needed'])
    const services = servicesOf(last(pages).html)
    expect(services).toContain('stop-it-now-uk-ireland')
    expect(services).not.toContain('kein-taeter-werden')
  })

  it('a worried friend or family member in the UK gets Stop It Now', async () => {
    const pages = await answerAll(server.base, ['someone', 'GB', 'en', 'other_thoughts', ['phone'], 'not_needed'])
    expect(servicesOf(last(pages).html)).toContain('stop-it-now-uk-ireland')
  })

  it('a young person in Germany worried about their own behaviour gets the youth programme', async () => {
    const pages = await answerAll(server.base, ['young', 'DE', 'de', 'young_behaviour', ['any'], 'not_needed'])
    expect(servicesOf(last(pages).html)).toContain('ppj-du-traeumst-von-ihnen')
  })

  it('a professional in the Netherlands gets Stop it Now! Nederland', async () => {
    const pages = await answerAll(server.base, ['professional', 'NL', 'nl', 'other_images', ['any'], 'not_needed'])
    expect(servicesOf(last(pages).html)).toContain('stop-it-now-nl')
  })

  it('results explain why each service matched, how to reach it, and when the record was checked', async () => {
    const html = last(await answerAll(server.base, formAnswers(answerPath({ channels: ['phone'] })))).html
    expect(html).toMatch(/class="reasons"><li>[^<]+<\/li>/)
    expect(html).toMatch(/href="(tel:|https:\/\/)/)
    expect(html).toMatch(/20\d\d-\d\d-\d\d/)
  })
})

describe('typed names and keeping the place', () => {
  it('"Deutschland", "Allemagne" and "Germany" all mean Germany', async () => {
    for (const name of ['Deutschland', 'Allemagne', 'Germany', 'germany ']) {
      const pages = await answerAll(server.base, ['self', 'adult', { text: name }])
      expect(stepOf(last(pages).html), name).toBe('language')
    }
  })

  it('a name that is not a country gets a clear error on the same question, answers kept', async () => {
    const pages = await answerAll(server.base, ['self', 'adult', { text: 'Atlantis' }])
    const page = last(pages)
    expect(page.status).toBe(200)
    expect(stepOf(page.html)).toBe('country')
    expect(page.html).toContain('role="alert"')
    expect(page.html).toMatch(
      /<input id="answer-text" type="text" name="answer_text" list="answer-names" autocomplete="off"[^>]* maxlength="80" value="Atlantis"/,
    )
    const next = await postForm(server.base, { state: page.state, action: 'answer', answer: 'NL' })
    expect(stepOf(next.html)).toBe('language')
  })

  it('back returns one question and keeps the earlier answers', async () => {
    const pages = await answerAll(server.base, ['self', 'adult', 'DE', 'de'])
    const back = await postForm(server.base, { state: last(pages).state, action: 'back' })
    expect(stepOf(back.html)).toBe('language')
    // The answer taken back shows in the box (the interface language's name would be "English").
    expect(back.html).toMatch(/<input id="answer-text"[^>]*value="German"/)
    const forward = await postForm(server.base, { state: back.state, action: 'answer', answer: 'de' })
    expect(stepOf(forward.html)).toBe('stage')
  })

  it('back from the age question returns to the first, "Me" still chosen; picking someone else skips the age', async () => {
    const pages = await answerAll(server.base, ['self'])
    expect(stepOf(last(pages).html)).toBe('age')
    const back = await postForm(server.base, { state: last(pages).state, action: 'back' })
    expect(stepOf(back.html)).toBe('asker')
    expect(back.html).toMatch(/value="self" checked=""/)
    const someone = await postForm(server.base, { state: back.state, action: 'answer', answer: 'someone' })
    expect(stepOf(someone.html)).toBe('country')
    const again = await answerAll(server.base, ['self', 'under_18'])
    const backToAge = await postForm(server.base, { state: last(again).state, action: 'back' })
    expect(stepOf(backToAge.html)).toBe('age')
    expect(backToAge.html).toMatch(/value="under_18" checked=""/)
  })

  it('back from the second question shows the first answer still chosen', async () => {
    const pages = await answerAll(server.base, ['someone'])
    const back = await postForm(server.base, { state: last(pages).state, action: 'back' })
    expect(stepOf(back.html)).toBe('asker')
    expect(back.html).toMatch(/value="someone" checked=""/)
    expect(back.html).not.toMatch(/value="self" checked=""/)
  })

  it('changing the interface language keeps the question', async () => {
    const pages = await answerAll(server.base, ['self', 'adult', 'DE'])
    const german = await postForm(server.base, { state: last(pages).state, action: 'language', ui: 'de' })
    expect(langOf(german.html)).toBe('de')
    expect(stepOf(german.html)).toBe('language')
    const dutch = await postForm(server.base, { state: german.state, action: 'language', ui: 'nl' })
    expect(langOf(dutch.html)).toBe('nl')
    expect(stepOf(dutch.html)).toBe('language')
  })

  it('start again clears the answers', async () => {
    const pages = await answerAll(server.base, ['self', 'adult', 'DE', 'de'])
    const restarted = await postForm(server.base, { state: last(pages).state, action: 'restart' })
    expect(stepOf(restarted.html)).toBe('asker')
    const back = await postForm(server.base, { state: restarted.state, action: 'back' })
    expect(stepOf(back.html)).toBe('asker')
  })
})

describe('urgent help and broken tokens', () => {
  it('a child in danger now leads straight to the emergency number of the chosen country', async () => {
    const page = last(await answerAll(server.base, ['someone', 'DE', 'de', 'child_in_danger']))
    expect(telLinksOf(page.html)).toContain('112')
    expect(stepOf(page.html)).toBeUndefined()
  })

  it('the urgent-help button works from the first question and keeps the place', async () => {
    const start = await openStart(server.base)
    const urgent = await postForm(server.base, { state: start.state, action: 'urgent', urgent_country: 'NL' })
    expect(urgent.status).toBe(200)
    expect(telLinksOf(urgent.html)).toContain('112')
    const back = await postForm(server.base, { state: urgent.state, action: 'show' })
    expect(stepOf(back.html)).toBe('asker')
  })

  it('a tampered token gets a kind notice and a fresh start, never an error page', async () => {
    const pages = await answerAll(server.base, ['self', 'adult', 'DE'])
    const token = last(pages).state
    const flipped = `${token.slice(0, -3)}${token.slice(-3) === 'AAA' ? 'BBB' : 'AAA'}`
    const page = await postForm(server.base, { state: flipped, action: 'answer', answer: 'de' })
    expect(page.status).toBe(200)
    expect(page.html).toContain('class="notice"')
    expect(stepOf(page.html)).toBe('asker')
  })

  it('GET /turn (a reload after a post) redirects to the start instead of failing', async () => {
    const response = await fetch(`${server.base}/turn`, { redirect: 'manual' })
    expect(response.status).toBe(303)
    expect(response.headers.get('location')).toBe('/')
  })
})
