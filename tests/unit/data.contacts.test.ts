import { describe, it, expect } from 'vitest'
import { readFileSync } from 'node:fs'
import { InitiativesFileSchema, type Initiative } from '../../src/core/directory/initiativeSchema'
import { isContactable } from '../../src/core/directory/isContactable'

const initiatives: Initiative[] = InitiativesFileSchema.parse(
  JSON.parse(readFileSync(new URL('../../data/initiatives.json', import.meta.url), 'utf8')),
).initiatives
const byId = new Map(initiatives.map((item) => [item.id, item]))
const record = (id: string): Initiative => {
  const item = byId.get(id)
  if (!item) throw new Error(`${id} is not in data/initiatives.json`)
  return item
}

/**
 * Active prevention services on file with no way in (issue 16): no confirmed website, contact, or page
 * about the service by its operator (or the public body that set it up). They are held back from results
 * and named in the coverage report. A record leaves this list when a checked source gives it a way in;
 * a record that loses its only way in fails below instead of vanishing silently.
 */
const KNOWN_WITHOUT_CONTACT = ['cosa-latvia', 'dont-offend-india', 'ftz-wien', 'ktw-muenchen-lmu', 'shore']

/** A way in: a website, a real address or number, or the operator's (or official) page about the service. */
const hasWayIn = (item: Initiative): boolean => isContactable(item) || item.aboutPage !== null

/** The checked corrections applied from the reference's corrections file: the record and the source each rests on. */
const APPLIED_SOURCES: Record<string, string[]> = {
  'dis-no': [
    'https://www.skppsc.ch/fr/dis-no-pour-que-les-personnes-aux-penchants-pedophiles-disent-non/',
    'https://www.rhonefm.ch/fr/news/vous-etes-attire-par-des-enfants-agissez-avant-qu-il-ne-soit-trop-tard-1442873',
    'https://www.watson.ch/fr/suisse/pedophilie/615496227-pedophilie-demandes-en-hausse-pour-les-centres-d-appels-suisses',
  ],
  'circles-uk': [
    'https://circles-uk.org.uk/about/',
    'https://circles-uk.org.uk/2019/12/31/criminal-justice-alliance-award-outstanding-organisation/',
  ],
  'slf-cosa': [
    'https://www.saferlivingfoundation.org/what-we-do/adult-projects/circles-support-mentoring/',
    'https://welshwave.co.uk/single.php?id=142004443',
  ],
  'cosa-nl-reclassering': ['https://reclassering.nl/over-de-reclassering/wat-wij-doen/cosa'],
  'uti-bollate': [
    'https://www.cipm.it/area-criminologica-e-trattamento-condotte-lesive/uti-unita-trattamento-intensificato/',
    'https://www.fondazioneceg.org/uti-unita-trattamento-intensificato/',
  ],
  'wsps-at': ['https://www.maenner.at/gewaltpraevention/wsps-wiener-sozialtherapeutisches-programm-fuer-sexualtaeter/'],
  'seri-tyo-oulu': ['https://www.seritatyo.fi/yhteistyokumppanille/'],
  'retspsykiatri-skejby': [
    'https://www.psykiatrien.rm.dk/afdelinger/auhpsykiatrien/retspsykiatrisk-afdeling/i-behandling/ambulatoriet-retspsykiatrisk-afdeling/seksualkriminelle/',
    'https://www.psykiatrien.rm.dk/kontakt/presse/nyheder-fra-psykiatrien-i-region-midtjylland/2023-psykiatrien-nyheder/personer-med-padofile-tanker-ringer-til-helle/',
  ],
  'latvia-probation-programme': ['https://www.vpd.gov.lv/probcijasprogrammas', 'https://www.vpd.gov.lv/lv/probacijas-programmas'],
  'stop-it-now-scotland': [
    'https://hellorayo.co.uk/west/local/news/police-say-sex-abuse-prevention-campaign-difference-big-impact',
    'https://www.nota.co.uk/upstream/',
  ],
  'lff-inform-young-people': [
    'https://ecsa.lucyfaithfull.org/inform-young-people-programme',
    'https://www.stopitnow.org.uk/how-we-prevent-child-sexual-abuse/how-the-stop-it-now-helpline-works/',
  ],
  'praeventionsstelle-paedosexualitaet-zh': [
    'https://www.zh.ch/de/news-uebersicht/medienmitteilungen/2023/04/praeventionsstelle-paedosexualitaet--bilanz-nach-zweitem-betriebsjahr.html',
    'https://www.limmattalerzeitung.ch/limmattal/zuerich/zuerich-praeventionsstelle-paedosexualitaet-verzeichnet-bisher-50-kontakte-ld.2300883',
  ],
  'ktw-muenchen-lmu': ['https://www.sueddeutsche.de/muenchen/neuer-standort-in-muenchen-anonyme-beratung-1.5202803'],
  'uusi-suunta': [
    'https://ecsa.lucyfaithfull.org/uusi-suunta-%E2%80%93-new-direction',
    'https://www.haaste.om.fi/fi/index/lehtiarkisto/haaste22016/seksuaalirikollistenkuntoutussuomessa.html',
    'https://www.seksuaalivakivalta.fi/?x183370=283707',
    'https://www.psykologipalvelusaraste.fi/uusi-suunta--ohjelma2',
  ],
  // Ways in found for issue 16 (the page that names the address or number, or says how to get in).
  preventell: [
    'https://news.cision.com/karolinska-universitetssjukhuset/r/study-evaluates-new-method-for-preventing-sexual-assaults-on-children,c9950968',
  ],
  'inform-families-scotland': [
    'https://www.lucyfaithfull.org.uk/picking-up-the-pieces-supporting-the-secondary-victims-of-online-child-sexual-abuse/',
    'https://www.stopitnow.org.uk/how-we-prevent-child-sexual-abuse/how-the-stop-it-now-helpline-works/',
  ],
  'seos-wallonie-bruxelles': ['https://www.rtbf.be/article/seos-une-ligne-d-ecoute-pour-vaincre-les-fantasmes-sexuels-deviants-11149959'],
  'bryd-cirklen': ['https://www.psykiatri-regionh.dk/bryd-cirklen/om-brydcirklen-dk/Sider/Spoergsmaal-og-svar.aspx'],
}

/** Websites applied or promoted from a cited source. */
const APPLIED_WEBSITES: Record<string, string> = {
  'circles-uk': 'https://circles-uk.org.uk',
  'cosa-nl-reclassering': 'https://reclassering.nl/over-de-reclassering/wat-wij-doen/cosa',
  'uti-bollate': 'https://www.cipm.it/area-criminologica-e-trattamento-condotte-lesive/uti-unita-trattamento-intensificato/',
  'wsps-at': 'https://www.maenner.at/gewaltpraevention/wsps-wiener-sozialtherapeutisches-programm-fuer-sexualtaeter/',
  'seri-tyo-oulu': 'https://www.seritatyo.fi',
  'retspsykiatri-skejby':
    'https://www.psykiatrien.rm.dk/afdelinger/auhpsykiatrien/retspsykiatrisk-afdeling/i-behandling/ambulatoriet-retspsykiatrisk-afdeling/seksualkriminelle/',
  'latvia-probation-programme': 'https://www.vpd.gov.lv/lv/probacijas-programmas',
  'stop-it-now-scotland': 'https://www.theupstreamproject.org.uk',
  'slf-cosa': 'https://www.saferlivingfoundation.org',
  'cercles-cat': 'https://www.fsyc.org/proyectos/cercles-de-suport-i-responsabilitat-cercles/?lang=ca',
  'circulos-espana':
    'https://www.fsyc.org/proyectos/circulos-de-apoyo-y-responsabilidad-circulos-espana-madrid-valencia-y-alicante/?lang=ca',
  'cosa-brussel-iter': 'https://www.cosabrussel.com/post/de-vlaamse-regering-kent-ook-voor-2023-een-subsidie-toe-voor-het-cosa-project',
  preventell: 'https://www.preventell.se',
  'redirection-poland-fdds': 'https://www.redirectionprogram.com/',
  'seos-wallonie-bruxelles': 'https://www.seos.be',
}

const phones = (item: Initiative): string[] =>
  item.contacts.flatMap((contact) => (contact.channel === 'phone' && contact.value ? [contact.value] : []))
const activePrevention = initiatives.filter((item) => item.kind === 'prevention' && item.status === 'active')

describe('contacts in data/initiatives.json', () => {
  it('every active prevention record has a way in, or is on the short list of known gaps', () => {
    const without = activePrevention.filter((item) => !hasWayIn(item)).map((item) => item.id)
    expect(without).toEqual([...KNOWN_WITHOUT_CONTACT].sort())
    // The bar: at most 5. The list may only shrink.
    expect(KNOWN_WITHOUT_CONTACT.length).toBeLessThanOrEqual(5)
  })

  it('every applied correction cites its source in the record it changed', () => {
    for (const [id, urls] of Object.entries(APPLIED_SOURCES)) {
      const cited = record(id).sources.map((source) => source.url)
      for (const url of urls) expect(cited, id).toContain(url)
    }
  })

  it('every applied website is on file, on a host the record cites', () => {
    for (const [id, website] of Object.entries(APPLIED_WEBSITES)) {
      const item = record(id)
      expect(item.website, id).toBe(website)
      // The site is one the record cites, or a cited source names it (Upstream is named by NOTA's page).
      const host = new URL(website).hostname.replace(/^www\./, '')
      const vouched = item.sources.some(
        (source) => new URL(source.url).hostname.replace(/^www\./, '') === host || source.supports.includes(host),
      )
      expect(vouched, `${id}: ${host}`).toBe(true)
    }
  })

  it('carries the checked phone numbers, and none the sources did not give', () => {
    expect(phones(record('dis-no'))).toEqual(['0840 740 640'])
    expect(phones(record('stop-it-now-scotland'))).toEqual(['0808 1000 900'])
    expect(phones(record('lff-inform-young-people'))).toEqual(['0808 1000 900'])
    // Inform (Scotland) is reached through the Stop It Now! helpline, as the operator says.
    expect(phones(record('inform-families-scotland'))).toEqual(['0808 1000 900'])
    expect(record('inform-families-scotland').contacts.find((contact) => contact.value === '0808 1000 900')?.notes).toMatch(
      /Stop It Now! helpline/,
    )
    // Looked for and not found (the reference's "unconfirmed" list): nothing may be made up.
    for (const id of [
      'preventell',
      'praeventionsstelle-paedosexualitaet-zh',
      'ktw-muenchen-lmu',
      'seri-tyo-oulu',
      'retspsykiatri-skejby',
    ]) {
      expect(phones(record(id)), id).toEqual([])
    }
  })

  it('applies the checked status, country and group corrections', () => {
    expect(record('slf-cosa').status).toBe('doubtful')
    expect(record('slf-cosa').statusNote).toMatch(/May 2025/)
    expect(record('dis-no').countries).toEqual(['CH'])
    expect(record('dis-no').anonymous).toBe(true)
    expect(record('uusi-suunta').tags.target_group).toContain('fear_may_offend')
    expect(record('uusi-suunta').free).toBe(true)
    expect(record('uusi-suunta').anonymous).toBe('partial')
    expect(record('uusi-suunta').tags.jrc_category).toContain('may_offend')
    expect(record('uusi-suunta').name).not.toMatch(/convicted/)
    expect(record('seri-tyo-oulu').tags.target_group).toContain('fear_may_offend')
  })

  it('says where a website is an operator page and not a booking line', () => {
    for (const id of [
      'cosa-nl-reclassering',
      'uti-bollate',
      'retspsykiatri-skejby',
      'latvia-probation-programme',
      'cercles-cat',
      'circulos-espana',
      'cosa-brussel-iter',
    ]) {
      const notes = record(id)
        .contacts.map((contact) => contact.notes ?? '')
        .join(' ')
      expect(notes, id).toMatch(/not a booking line/)
    }
  })
})
