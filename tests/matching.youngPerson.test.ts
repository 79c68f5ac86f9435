import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as z from 'zod'
import { loadFlow } from '../src/app/loadFlow'
import { advance, type TurnInput } from '../src/core/flow/advance'
import type { Answer, ConversationState } from '../src/core/flow/conversationState'
import { indexDirectory } from '../src/core/directory/indexDirectory'
import type { Initiative } from '../src/core/directory/initiativeSchema'
import { fitsYoungPersonConcern } from '../src/core/matching/fitsYoungPersonConcern'
import { isAboutYoungPerson } from '../src/core/matching/isAboutYoungPerson'
import { match } from '../src/core/matching/match'
import { profileFromAnswers } from '../src/core/matching/profileFromAnswers'
import { loadBundledData } from '../src/storage/bundledData'
import en from '../locales/en/translation.json'
import { engineContext } from './support/engineContext'
import { answerAll } from './support/formConversation'
import { jsonConversation } from './support/jsonConversation'
import { servicesOf, stepOf } from './support/pageFacts'
import { startNodeServer } from './support/startNodeServer'

// Issue 16, item 7: a parent in Ireland worried about a teenager was offered programmes built around
// adults. A parent, relative or professional can now say "a child's or teenager's sexual behaviour
// worries me"; they get services that work with young people first, helplines where relatives can
// talk it through, child helplines, and never a course built around adults. On the real directory
// and the real flow; then a whole conversation over HTTP with JavaScript off.
const flow = loadFlow()
const data = loadBundledData()
const index = indexDirectory(data)
const record = (id: string): Initiative => {
  const found = data.initiatives.find((initiative) => initiative.id === id)
  if (!found) throw new Error(`${id} is not in data/initiatives.json`)
  return found
}

/** The profile the real flow builds from a whole conversation ("Me" is also asked the age). */
const profileOf = (asker: string, country: string, language: string, stage: string, age?: 'under_18' | 'adult') => {
  const answers: Answer[] = [
    ['asker', [asker]],
    ...(age ? [['age', [age]] satisfies Answer] : []),
    ['country', [country]],
    ['language', [language]],
    ['stage', [stage]],
    ['channels', ['any']],
    ['anonymity', ['not_needed']],
  ]
  return profileFromAnswers(flow, answers)
}
const parent = (country: string, language: string) => profileOf('someone', country, language, 'other_young')
const ids = (result: ReturnType<typeof match>) => result.services.map((scored) => scored.initiative.id)
const worksWithYoungPeople = (initiative: Initiative) => initiative.tags.target_group?.includes('minors_hsb') ?? false

/**
 * Programmes built around adults that a parent worried about a teenager must not be offered, with why
 * (from each record's own summary and tags): none is tagged minors_hsb.
 */
const ADULT_PROGRAMMES: Record<string, string> = {
  'one-in-four-prevention':
    'Ireland: group programme for people who have committed a sexual offence against a child, with a group for their relatives',
  stopso: 'UK: therapists for adults at risk of offending, charged or convicted, and their families',
  'inform-families-scotland': 'Scotland: group for partners and relatives of men arrested for online offending',
  'stop-it-now-wales': 'Wales: education sessions for families and professionals, no young-person work recorded',
  'troubled-desire': 'online self-help for adults with a sexual interest in children',
  'redirection-self-help': 'online self-help for people who view sexual images of children',
  'help-wanted': 'online course for adults attracted to younger children (its source: target adult men)',
}

describe('the flow lets a parent or professional name a young person’s behaviour', () => {
  const fresh: ConversationState = { f: flow.id, v: flow.version, ui: 'en', a: [] }
  const stageOptions = (asker: string) => {
    let state = fresh
    let outcome = advance(flow, state, { type: 'show' }, engineContext)
    const replies = asker === 'self' ? [asker, 'adult', 'IE', 'en'] : [asker, 'IE', 'en']
    for (const input of replies.map((reply): TurnInput => ({ type: 'answer', reply: [reply] }))) {
      outcome = advance(flow, state, input, engineContext)
      state = outcome.state
    }
    expect(outcome.step.nodeId).toBe('stage')
    return outcome.step.options.map((option) => option.id)
  }

  it('"someone" and "professional" are offered other_young; "self" and "young" are not', () => {
    expect(stageOptions('someone')).toContain('other_young')
    expect(stageOptions('professional')).toContain('other_young')
    expect(stageOptions('self')).not.toContain('other_young')
    expect(stageOptions('young')).not.toContain('other_young')
  })

  it('the answer stands for the concern minors_hsb, next to the asker’s own group', () => {
    expect(parent('IE', 'en').tags).toMatchObject({ target_group: ['family_friends'], concern: ['minors_hsb'] })
    expect(profileOf('professional', 'IE', 'en', 'other_young').tags).toMatchObject({
      target_group: ['professionals'],
      concern: ['minors_hsb'],
    })
    expect(en.flow.stage.other_young).toMatch(/child or teenager/)
  })
})

describe('a parent worried about a teenager, on the real directory', () => {
  it('Ireland, English: Stop It Now! UK and Ireland (works with young people) first, then the Irish line for relatives; no adult programme', () => {
    const result = match(index, parent('IE', 'en'))
    expect(result.tier).toBe('fit')
    expect(ids(result)).toEqual(['stop-it-now-uk-ireland', 'stop-it-now-ireland'])
    // Each says why honestly: "helps with young people's sexual behaviour" only where the record is
    // tagged so; a line built around adults is shown as one relatives can call, and says only that.
    for (const { initiative, reasons } of result.services) {
      const keys = reasons.map((reason) => reason.key)
      if (worksWithYoungPeople(initiative)) expect(keys, initiative.id).toContain('reason.concern.minors_hsb')
      else
        expect([keys.includes('reason.group.family_friends'), keys.includes('reason.concern.minors_hsb')], initiative.id).toEqual([
          true,
          false,
        ])
    }
    for (const id of Object.keys(ADULT_PROGRAMMES)) expect(ids(result), `${id}: ${ADULT_PROGRAMMES[id]}`).not.toContain(id)
    expect(result.helplines.map((line) => line.id)).toContain('childline-ie')
  })

  it('Ireland: the same parent worried about an adult’s thoughts still gets One in Four (the rule touches only the young-person worry)', () => {
    expect(record('one-in-four-prevention').tags.target_group).toContain('family_friends')
    expect(ids(match(index, profileOf('someone', 'IE', 'en', 'other_thoughts')))).toContain('one-in-four-prevention')
  })

  it('United Kingdom, English: the three services that work with young people first; Shore named as on file; no adult programme', () => {
    const result = match(index, parent('GB', 'en'))
    expect(ids(result).slice(0, 3)).toEqual(['stop-it-now-uk-ireland', 'lff-inform-young-people', 'stop-it-now-scotland'])
    for (const id of ['stopso', 'inform-families-scotland', 'stop-it-now-wales']) {
      expect(record(id).tags.target_group, id).toContain('family_friends')
      expect(ids(result), `${id}: ${ADULT_PROGRAMMES[id]}`).not.toContain(id)
    }
    expect(result.unconfirmed.map((onFile) => onFile.id)).toContain('shore')
    expect(result.helplines.map((line) => line.id)).toContain('childline-uk')
  })

  it('Germany, German: the Charité youth programme (PPJ) and the child helpline', () => {
    const result = match(index, parent('DE', 'de'))
    expect(ids(result)[0]).toBe('ppj-du-traeumst-von-ihnen')
    expect(result.helplines.map((line) => line.id)).toContain('nummer-gegen-kummer')
  })

  it('Sweden, Swedish: no service tagged for young people; PrevenTell (relatives can call) and Bris, nothing built around adults', () => {
    const result = match(index, parent('SE', 'sv'))
    expect(ids(result)).toEqual(['preventell'])
    expect(result.helplines.map((line) => line.id)).toContain('bris-se')
  })

  it('Belgium, French: SéOS (tagged for young people) first; Finland, Finnish: the self-help that is also for young people', () => {
    expect(ids(match(index, parent('BE', 'fr')))[0]).toBe('seos-wallonie-bruxelles')
    expect(ids(match(index, parent('FI', 'fi')))).toEqual(['mielenterveystalo-otan-vastuun'])
  })

  it('Austria, German: no fitting service, so no adult self-help as a fallback; the child helpline and urgent numbers instead', () => {
    const result = match(index, parent('AT', 'de'))
    expect(result.tier).toBe('helplines')
    expect(result.services).toEqual([])
    expect(result.helplines.map((line) => line.id)).toContain('rat-auf-draht-147')
    expect(result.urgent.length).toBeGreaterThan(0)
    // The old fallback: Troubled Desire, online in German, built for adults.
    expect(record('troubled-desire').online && record('troubled-desire').languages.includes('de')).toBe(true)
  })

  it('Latvia, Latvian: nothing on file at all, and still an honest, non-empty page of urgent numbers', () => {
    const result = match(index, parent('LV', 'lv'))
    expect(result.tier).toBe('urgent_only')
    expect(result.urgent.length).toBeGreaterThan(0)
  })

  it('a professional in Ireland gets the same order, and the child helpline too', () => {
    const result = match(index, profileOf('professional', 'IE', 'en', 'other_young'))
    expect(ids(result)[0]).toBe('stop-it-now-uk-ireland')
    expect(ids(result)).not.toContain('one-in-four-prevention')
    expect(result.helplines.map((line) => line.id)).toContain('childline-ie')
  })
})

describe('the rule itself, on real records with one field changed', () => {
  const worry = parent('IE', 'en')
  it('a line relatives can call fits by phone or chat, not by e-mail or a group alone', () => {
    // Its target groups pinned as they are on file today, so a later minors_hsb tag does not hide the rule.
    const irishLine = {
      ...record('stop-it-now-ireland'),
      tags: { ...record('stop-it-now-ireland').tags, target_group: ['fear_may_offend', 'family_friends', 'professionals'] },
    }
    expect(fitsYoungPersonConcern(irishLine, worry)).toBe(true)
    expect(fitsYoungPersonConcern({ ...irishLine, tags: { ...irishLine.tags, contact_channel: ['email', 'group'] } }, worry)).toBe(false)
  })

  it('a line for people worried about themselves, not for relatives, does not fit; tagged for young people, it does', () => {
    const selfOnly = {
      ...record('stop-it-now-ireland'),
      tags: { ...record('stop-it-now-ireland').tags, target_group: ['fear_may_offend'] },
    }
    expect(fitsYoungPersonConcern(selfOnly, worry)).toBe(false)
    expect(
      fitsYoungPersonConcern({ ...selfOnly, tags: { ...selfOnly.tags, target_group: ['fear_may_offend', 'minors_hsb'] } }, worry),
    ).toBe(true)
  })

  it('only a young person’s behaviour brings the rule in', () => {
    expect(isAboutYoungPerson(worry)).toBe(true)
    expect(isAboutYoungPerson(profileOf('young', 'IE', 'en', 'young_police'))).toBe(true)
    expect(isAboutYoungPerson(profileOf('someone', 'IE', 'en', 'other_images'))).toBe(false)
    expect(isAboutYoungPerson(profileOf('self', 'IE', 'en', 'nothing_happened'))).toBe(false)
  })
})

describe('every country and language: the rule holds and the page is never empty', () => {
  const LISTENING = ['phone', 'chat', 'sms', 'whatsapp']
  for (const asker of ['someone', 'professional'] as const) {
    it(`${asker}: only services that work with young people or lines the asker can call; those for young people first within a language`, () => {
      let youngFirstSeen = 0
      for (const country of index.countries) {
        for (const language of index.languages) {
          const profile = profileOf(asker, country, language, 'other_young')
          const result = match(index, profile)
          const where = `${asker} ${country} ${language}`
          expect(result.services.length + result.helplines.length + result.urgent.length, where).toBeGreaterThan(0)
          for (const { initiative } of result.services) {
            const forAsker = (profile.tags.target_group ?? []).some((group) => initiative.tags.target_group?.includes(group))
            const listens = (initiative.tags.contact_channel ?? []).some((channel) => LISTENING.includes(channel))
            expect(worksWithYoungPeople(initiative) || (forAsker && listens), `${where}: ${initiative.id}`).toBe(true)
            expect(Object.keys(ADULT_PROGRAMMES), `${where}: ${initiative.id}`).not.toContain(initiative.id)
          }
          for (const speaks of [true, false]) {
            const block = result.services
              .filter((scored) => scored.speaksLanguage === speaks)
              .map((scored) => worksWithYoungPeople(scored.initiative))
            const firstOther = block.indexOf(false)
            if (firstOther !== -1) expect(block.slice(firstOther).includes(true), where).toBe(false)
            if (firstOther > 0) youngFirstSeen++
          }
        }
      }
      // The ordering is exercised: some pages mix both kinds.
      expect(youngFirstSeen).toBeGreaterThan(0)
    })
  }
})

describe('the "young person’s behaviour" path still works', () => {
  it('Germany and the UK: the services that work with young people, as before', () => {
    expect(ids(match(index, profileOf('young', 'DE', 'de', 'young_behaviour')))).toEqual(['ppj-du-traeumst-von-ihnen'])
    expect(ids(match(index, profileOf('young', 'GB', 'en', 'young_behaviour'))).slice(0, 3)).toEqual([
      'stop-it-now-uk-ireland',
      'lff-inform-young-people',
      'stop-it-now-scotland',
    ])
    expect(ids(match(index, profileOf('young', 'IE', 'en', 'young_images')))[0]).toBe('stop-it-now-uk-ireland')
  })

  it('Sweden: no adult online courses in English any more, but Bris and the urgent numbers', () => {
    for (const stage of ['young_behaviour', 'young_images', 'young_police']) {
      const result = match(index, profileOf('young', 'SE', 'sv', stage))
      for (const id of ['help-wanted', 'troubled-desire', 'redirection-self-help']) expect(ids(result), `${stage}: ${id}`).not.toContain(id)
      expect(result.tier, stage).toBe('helplines')
      expect(result.helplines.map((line) => line.id)).toContain('bris-se')
      expect(result.urgent.length).toBeGreaterThan(0)
    }
  })
})

describe('over HTTP, JavaScript off: a parent in Ireland worried about a teenager', () => {
  let server: Awaited<ReturnType<typeof startNodeServer>>
  beforeAll(async () => {
    server = await startNodeServer()
  })
  afterAll(async () => {
    await server.stop()
  })

  it('picks the new answer by plain form posts and reaches services for young people, the Irish line and Childline', async () => {
    const pages = await answerAll(server.base, ['someone', 'IE', 'en', 'other_young', ['any'], 'not_needed'])
    expect(pages.map((page) => page.status)).toEqual(pages.map(() => 200))
    expect(pages.slice(0, -1).map((page) => stepOf(page.html))).toEqual(['asker', 'country', 'language', 'stage', 'channels', 'anonymity'])
    const stagePage = pages[3]?.html ?? ''
    expect(stagePage).toContain('<input type="radio" name="answer" value="other_young"')
    expect(stagePage).toContain(en.flow.stage.other_young)
    const results = pages.at(-1)?.html ?? ''
    expect(stepOf(results)).toBeUndefined()
    const shown = servicesOf(results)
    expect(shown[0]).toBe('stop-it-now-uk-ireland')
    expect(shown).toContain('stop-it-now-ireland')
    expect(shown).toContain('childline-ie')
    for (const id of Object.keys(ADULT_PROGRAMMES)) expect(shown, id).not.toContain(id)
    expect(results).toContain(en.results.intro)
    expect(results).toContain(en.reason.concern.minors_hsb.replace("'", '&#39;'))
  })
})

// Issue 20: "Me" is asked the age, and "I am under 18 and worried about my own thoughts or behaviour"
// says it. A young person asking about themselves gets services that work with young people
// (minors_hsb) and child helplines, never a programme built around adults; 18 or over, as before.
// The rule is decided from the data: no record outside minors_hsb lists minors among its target
// groups, so none of them is for a 15-year-old.
const STAGES_SELF = ['nothing_happened', 'viewed_images', 'proceedings', 'convicted']
const isChildHelpline = (id: string) => record(id).kind === 'child_helpline'

/** Programmes and lines built around adults' own situations, offered to adults in DE, GB and SE today. */
const ADULTS_ONLY: Record<string, string> = {
  'kein-taeter-werden': 'Germany: therapy for adults worried about their sexual thoughts (Charité network)',
  'troubled-desire': 'online self-help for adults with a sexual interest in children',
  stopso: 'UK: therapists for adults at risk of offending, charged or convicted, and their families',
  'circles-uk': 'UK: circles of support for adults after a conviction',
  'lff-inform-plus-engage-plus': 'UK: courses for adults who viewed images or talked online with children',
  'redirection-self-help': 'online self-help for people who view sexual images of children',
  'help-wanted': 'online course for adults attracted to younger children (its source: target adult men)',
  preventell: 'Sweden: a helpline built around adults with sexual risk behaviour',
}

describe('a young person asking about themselves, on the real directory', () => {
  const teen = (country: string, language: string, stage = 'nothing_happened') => profileOf('self', country, language, stage, 'under_18')

  it('"under 18" makes "Me" a young person worried about their own behaviour; "18 or over" changes nothing', () => {
    expect(teen('DE', 'de').tags.target_group).toEqual(['minors_hsb', 'fear_may_offend'])
    expect(isAboutYoungPerson(teen('DE', 'de'))).toBe(true)
    expect(profileOf('self', 'DE', 'de', 'nothing_happened', 'adult')).toEqual(profileOf('self', 'DE', 'de', 'nothing_happened'))
    expect(isAboutYoungPerson(profileOf('self', 'DE', 'de', 'nothing_happened', 'adult'))).toBe(false)
    expect(en.flow.asker.young).toBe('I am under 18 and worried about my own thoughts or behaviour')
  })

  it('Germany, German: the Charité youth programme (PPJ) and Nummer gegen Kummer; no Kein Täter werden, no Troubled Desire', () => {
    for (const stage of STAGES_SELF) {
      const result = match(index, teen('DE', 'de', stage))
      expect([result.tier, ids(result)], stage).toEqual(['fit', ['ppj-du-traeumst-von-ihnen']])
      expect(result.helplines.map((line) => line.id)).toEqual(['nummer-gegen-kummer'])
      expect(result.unconfirmed).toEqual([])
    }
    // The same person at 18 or over gets the adult services, as before.
    expect(ids(match(index, profileOf('self', 'DE', 'de', 'nothing_happened', 'adult')))).toEqual(['troubled-desire', 'kein-taeter-werden'])
  })

  it('United Kingdom, English: the three services that work with young people, Childline, and Shore named as on file', () => {
    for (const stage of STAGES_SELF) {
      const result = match(index, teen('GB', 'en', stage))
      expect([...ids(result)].sort(), stage).toEqual(['lff-inform-young-people', 'stop-it-now-scotland', 'stop-it-now-uk-ireland'])
      expect(result.helplines.map((line) => line.id)).toEqual(['childline-uk'])
      expect(result.unconfirmed.map((onFile) => onFile.id)).toEqual(['shore'])
    }
    expect(ids(match(index, teen('GB', 'en')))[0]).toBe('stop-it-now-uk-ireland')
  })

  it('Sweden, Swedish: no service on file works with young people, so Bris and the urgent numbers, not PrevenTell', () => {
    for (const stage of STAGES_SELF) {
      const result = match(index, teen('SE', 'sv', stage))
      expect([result.tier, ids(result)], stage).toEqual(['helplines', []])
      expect(result.helplines.map((line) => line.id)).toEqual(['bris-se'])
      expect(result.urgent.length).toBeGreaterThan(0)
    }
    expect(ids(match(index, profileOf('self', 'SE', 'sv', 'nothing_happened', 'adult')))).toEqual(['preventell'])
  })

  it('each card says why in words: "For young people and their families", then the situation where the service also covers it', () => {
    for (const { initiative, reasons } of match(index, teen('GB', 'en', 'viewed_images')).services) {
      const keys = reasons.map((reason) => reason.key)
      expect(keys, initiative.id).toContain('reason.group.minors_hsb')
      expect(keys.includes('reason.group.csam_users'), initiative.id).toBe(initiative.tags.target_group?.includes('csam_users'))
    }
    expect(en.reason.group.minors_hsb).toBe('For young people and their families')
  })

  it('the rule: under 18, a helpline built around adults with the same situation does not fit; tagged for young people, it does', () => {
    const line = { ...record('kein-taeter-werden'), tags: { ...record('kein-taeter-werden').tags, contact_channel: ['phone'] } }
    expect(fitsYoungPersonConcern(line, teen('DE', 'de'))).toBe(false)
    const tagged = { ...line, tags: { ...line.tags, target_group: ['fear_may_offend', 'minors_hsb'] } }
    expect(fitsYoungPersonConcern(tagged, teen('DE', 'de'))).toBe(true)
    // A parent may still call an adults' line that takes relatives (the rule for relatives is unchanged).
    const forRelatives = { ...line, tags: { ...line.tags, target_group: ['fear_may_offend', 'family_friends'] } }
    expect(fitsYoungPersonConcern(forRelatives, parent('DE', 'de'))).toBe(true)
    expect(fitsYoungPersonConcern(forRelatives, teen('DE', 'de'))).toBe(false)
  })

  it('every country, language and situation: only services that work with young people, child helplines before general lines, never an empty page', () => {
    let checked = 0
    for (const country of index.countries) {
      for (const language of index.languages) {
        for (const stage of STAGES_SELF) {
          for (const profile of [teen(country, language, stage), profileOf('young', country, language, 'young_behaviour')]) {
            const result = match(index, profile)
            const where = `${country} ${language} ${stage}`
            expect(result.services.length + result.helplines.length + result.urgent.length, where).toBeGreaterThan(0)
            for (const { initiative, reasons } of result.services) {
              expect(worksWithYoungPeople(initiative), `${where}: ${initiative.id}`).toBe(true)
              expect(
                reasons.map((reason) => reason.key),
                `${where}: ${initiative.id}`,
              ).toContain('reason.group.minors_hsb')
            }
            for (const onFile of result.unconfirmed) expect(worksWithYoungPeople(record(onFile.id)), `${where}: ${onFile.id}`).toBe(true)
            const kinds = result.helplines.map((line) => line.kind === 'child_helpline')
            expect(kinds, where).toEqual([...kinds].sort((a, b) => Number(b) - Number(a)))
            checked++
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(1000)
  })

  it('18 or over: every country, language and situation matches exactly as it did before the age question', () => {
    for (const country of index.countries) {
      for (const stage of STAGES_SELF) {
        for (const language of ['en', 'de', 'sv', 'fr']) {
          expect(match(index, profileOf('self', country, language, stage, 'adult')), `${country} ${language} ${stage}`).toEqual(
            match(index, profileOf('self', country, language, stage)),
          )
        }
      }
    }
  })
})

describe('over HTTP: a 15-year-old asking about themselves', () => {
  let server: Awaited<ReturnType<typeof startNodeServer>>
  beforeAll(async () => {
    server = await startNodeServer()
  })
  afterAll(async () => {
    await server.stop()
  })

  /** Every card is for young people (tagged minors_hsb) or a child helpline; no adults-only programme. */
  const expectForYoungPeople = (shown: readonly string[], where: string) => {
    for (const id of shown) expect(worksWithYoungPeople(record(id)) || isChildHelpline(id), `${where}: ${id}`).toBe(true)
    for (const id of Object.keys(ADULTS_ONLY)) expect(shown, `${where}: ${id} (${ADULTS_ONLY[id]})`).not.toContain(id)
  }

  it('web form, JavaScript off: "Me", "Under 18", Germany, the UK and Sweden: services for young people and the child helpline', async () => {
    const expected: Record<string, { language: string; shown: string[] }> = {
      DE: { language: 'de', shown: ['ppj-du-traeumst-von-ihnen', 'nummer-gegen-kummer'] },
      GB: { language: 'en', shown: ['stop-it-now-uk-ireland', 'stop-it-now-scotland', 'lff-inform-young-people', 'childline-uk'] },
      SE: { language: 'sv', shown: ['bris-se'] },
    }
    for (const [country, { language, shown }] of Object.entries(expected)) {
      const pages = await answerAll(server.base, ['self', 'under_18', country, language, 'nothing_happened', ['any'], 'not_needed'])
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
      const agePage = pages[1]?.html ?? ''
      expect(agePage).toContain(en.flow.age.prompt)
      expect(agePage).toContain('<p id="hint" class="hint">')
      for (const option of ['under_18', 'adult']) expect(agePage).toContain(`<input type="radio" name="answer" value="${option}"`)
      const results = pages.at(-1)?.html ?? ''
      expect(stepOf(results)).toBeUndefined()
      expect(servicesOf(results), country).toEqual(shown)
      expectForYoungPeople(servicesOf(results), country)
      if (country !== 'SE') expect(results).toContain(en.reason.group.minors_hsb)
    }
  })

  it('the first page names the young person plainly, and an adult who says "18 or over" gets what adults got before', async () => {
    const first = (await answerAll(server.base, []))[0]?.html ?? ''
    expect(first).toContain(en.flow.asker.young)
    for (const old of ["A young person's behaviour", 'A young person&#39;s behaviour']) expect(first).not.toContain(old)
    const adult = await answerAll(server.base, ['self', 'adult', 'DE', 'de', 'nothing_happened', ['any'], 'not_needed'])
    expect(servicesOf(adult.at(-1)?.html ?? '')).toEqual(['troubled-desire', 'kein-taeter-werden'])
  })

  it('JSON API: the same walk gives the same services, with "Question 2 of 7" at the age question', async () => {
    for (const [country, language] of [
      ['DE', 'de'],
      ['GB', 'en'],
      ['SE', 'sv'],
    ] as const) {
      const replies = [['self'], ['under_18'], [country], [language], ['viewed_images'], ['phone', 'chat'], ['matters']]
      const { statuses, last } = await jsonConversation(server.base, replies, 'en')
      expect(statuses).toEqual(statuses.map(() => 200))
      expect(last.step.outcome).toBe('results')
      const shown = (last.results?.services ?? []).map((service) => service.id)
      expectForYoungPeople(shown, `API ${country}`)
      if (country === 'SE') expect(shown).toEqual([])
      else expect(shown.length).toBeGreaterThan(0)
    }
    const atAge = await fetch(`${server.base}/api/v1/turn`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ action: 'answer', reply: ['self'] }),
    })
    const view = z
      .object({
        step: z.object({ nodeId: z.string(), number: z.number(), total: z.number(), options: z.array(z.object({ id: z.string() })) }),
      })
      .parse(await atAge.json())
    expect([view.step.nodeId, view.step.number, view.step.total]).toEqual(['age', 2, 7])
    expect(view.step.options.map((option) => option.id)).toEqual(['under_18', 'adult'])
  })
})
