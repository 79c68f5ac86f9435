/**
 * The one-off converter that first built data/initiatives.json from
 * ../shared/reference/initiatives.json (research notes, snake_case).
 *
 * data/ is now curated by hand (see data/CURATION.md) and changed with `npm run data:import`;
 * re-running this would undo those edits, so it refuses to overwrite unless given --force:
 *   npx tsx scripts/convertReference.ts --force [--out FILE]
 *
 * It never invents a number, URL, e-mail address or opening hour: every value comes from the
 * reference record or is null. Anything dropped or rewritten is printed as a warning. An import is
 * not a check: every record comes out with lastChecked and checkedBy null, until a curator compares
 * it with its sources (the console's "confirm checked").
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { dirname } from 'node:path'
import { InitiativesFileSchema, type Initiative, type Contact, type Source } from '../src/core/directory/initiativeSchema'
import { LanguageCode } from '../src/core/directory/isoCodes'

const REFERENCE_URL = new URL('../../shared/reference/initiatives.json', import.meta.url)
const OUTPUT_URL = new URL('../data/initiatives.json', import.meta.url)

const ACTIVE_STATUS = 'active as of latest source (not live-verified)'
const ONLINE_MARKER = 'international/online'

/**
 * Records that are general lines (any caller, any topic of violence/abuse), neither specific to
 * CSA prevention nor a helpline for children only.
 */
const GENERAL_LINE_IDS = new Set([
  'be-1712', // 1712: for every citizen with questions about violence, abuse and child maltreatment
  'supportline-179-malta', // Supportline 179: confidential support to callers of any age
])

/**
 * Hosts of http:// source URLs that may be upgraded to https:// because they are well-known sites
 * that serve https (national news outlets, public bodies, Wikipedia, or a domain the reference itself
 * already cites over https). Any other http:// source is dropped with a warning.
 */
const HTTPS_UPGRADE_HOSTS = new Set([
  'www.standaard.be', // De Standaard, Belgian national newspaper
  'www.cep-probation.org', // cited over https elsewhere in the reference
  'www.bmjv.de', // German Federal Ministry of Justice
  'www.n-tv.de', // German national news channel
  'en.wikipedia.org.', // Wikipedia (hostname with trailing dot as in the reference)
  'www.gazzettadiparma.it', // Gazzetta di Parma, Italian daily newspaper
  'www.teraz.sk', // TASR, Slovak national news agency
  'www.chronicle.lu', // Chronicle.lu, Luxembourg news site
  'www.breakingnews.ie', // BreakingNews.ie, Irish national news site
  'www.iacrianca.pt', // operator's own domain, cited over https as the record's website
])

/** Words the service does not use in its own voice, and their neutral replacements. */
const WORD_REWRITES: Array<[RegExp, string]> = [
  [/\bchild pornography\b/gi, 'child sexual abuse material'],
  [/\bchild porn\b/gi, 'child sexual abuse material'],
  [/\bpa?edophiles\b/gi, 'people with a sexual interest in children'],
  [/\bpa?edophile\b/gi, 'person with a sexual interest in children'],
  [/\bpredators\b/gi, 'people who offend'],
  [/\bpredator\b/gi, 'person who offends'],
  [/\bmonsters\b/gi, 'people who offend'],
  [/\bmonster\b/gi, 'person who offends'],
]

const JRC_CATEGORY_TAGS: Record<number, string> = {
  1: 'may_offend',
  2: 'criminal_proceedings',
  3: 'after_proceedings',
  4: 'minors',
}

interface ReferenceSource {
  url: string
  date: string
  supports: string
}

interface ReferenceRecord {
  id: string
  name: string
  name_local: string | null
  organisation: string | null
  countries: string[]
  subnational: string | null
  languages: string[] | null
  languages_likely: string[] | null
  jrc_categories: number[]
  category_basis: string
  prevention_stage: string[] | null
  stage_basis: string
  target_groups: string[] | null
  contact_channels: string[] | null
  anonymous: boolean | 'partial' | null
  anonymity_notes: string | null
  free: boolean | null
  cost_notes: string | null
  website: string | null
  phone: string | null
  phone_notes: string | null
  hours: string | null
  status: string
  notes: string | null
  sources: ReferenceSource[]
  confidence: 'high' | 'medium' | 'low'
  retrieval_note: string
}

const warnings: string[] = []
function warn(id: string, message: string): void {
  warnings.push(`[${id}] ${message}`)
}

function kindOf(record: ReferenceRecord): Initiative['kind'] {
  if (GENERAL_LINE_IDS.has(record.id)) return 'general_line'
  if (/general child helpline/i.test(record.category_basis)) return 'child_helpline'
  return 'prevention'
}

/**
 * Records the reference calls active but whose own notes cast doubt on them: never shown as a
 * service a person can use until a curator confirms them (see the record's notes and sources).
 */
const DOUBTFUL_DESPITE_STATUS: Record<string, string> = {
  'ktw-regensburg': 'phone number from an article of about 2010-2011, marked likely outdated; the network record covers this site',
  'ktw-hamburg-uke': 'phone number and hours from an older article, marked possibly outdated; the network record covers this site',
  pedohelp: 'operator, website and current status unknown',
  'estonia-therapy-alternative': 'pilot judged unsuccessful with two participants; current availability unknown',
  'talking-for-change': 'only source seen is a paraphrased copy',
  'cosa-canada': 'reported partly closed in 2024',
  'circles-europe': 'a network of projects, not a service a person can contact directly',
  '2ps-project': 'a research project, not a help service',
}

function statusOf(record: ReferenceRecord): Pick<Initiative, 'status' | 'statusNote'> {
  const doubt = DOUBTFUL_DESPITE_STATUS[record.id]
  if (doubt) return { status: 'doubtful', statusNote: `${record.status}; ${doubt}` }
  if (record.status === ACTIVE_STATUS) return { status: 'active', statusNote: null }
  // `closed` only where the text plainly says the whole service closed; "reported closed … verify",
  // a closed phone line with other channels, trials and ended pilots stay `doubtful`.
  if (/^(service )?closed\b/i.test(record.status)) return { status: 'closed', statusNote: record.status }
  return { status: 'doubtful', statusNote: record.status }
}

function languagesOf(record: ReferenceRecord, inferred: string[]): string[] {
  const stated = record.languages ?? []
  const likely = record.languages_likely ?? []
  let codes: string[]
  if (stated.length > 0 && likely.length > 0) {
    // The stated list covers only a sub-line (e.g. an English parents' line); the main service
    // language is only inferred, so keep both and mark the list as inferred.
    codes = [...stated, ...likely.filter((code) => !stated.includes(code))]
    inferred.push('language')
    warn(record.id, `languages: stated [${stated.join(', ')}] and likely [${likely.join(', ')}] merged; marked inferred`)
  } else if (stated.length > 0) {
    codes = [...stated]
  } else if (likely.length > 0) {
    codes = [...likely]
    inferred.push('language')
  } else {
    codes = []
  }
  const dropped = codes.filter((code) => !LanguageCode.safeParse(code).success)
  if (dropped.length > 0) warn(record.id, `dropped invalid language codes: ${dropped.join(', ')}`)
  return codes.filter((code) => !dropped.includes(code))
}

function tagsOf(record: ReferenceRecord, kind: Initiative['kind'], inferred: string[]): Record<string, string[]> {
  const tags: Record<string, string[]> = {}
  if (kind === 'prevention' && record.jrc_categories.length > 0) {
    tags.jrc_category = [...record.jrc_categories]
      .sort((a, b) => a - b)
      .map((n) => {
        const tag = JRC_CATEGORY_TAGS[n]
        if (tag === undefined) throw new Error(`[${record.id}] unknown JRC category ${n}`)
        return tag
      })
    if (/inferred/i.test(record.category_basis)) inferred.push('jrc_category')
  }
  if (record.target_groups && record.target_groups.length > 0) tags.target_group = [...record.target_groups]
  if (record.prevention_stage && record.prevention_stage.length > 0) {
    tags.prevention_stage = [...record.prevention_stage]
    if (record.stage_basis === 'inferred') inferred.push('prevention_stage')
  }
  if (record.contact_channels && record.contact_channels.length > 0) tags.contact_channel = [...record.contact_channels]
  if (record.free === true) tags.cost = ['free']
  else if (record.free === false) tags.cost = ['fee']
  if (record.anonymous === true) tags.anonymity = ['anonymous']
  else if (record.anonymous === 'partial') tags.anonymity = ['partial']
  else if (record.anonymous === false) tags.anonymity = ['not_anonymous']
  return tags
}

function contactsOf(record: ReferenceRecord): Contact[] {
  const channels = record.contact_channels ?? []
  const contacts: Contact[] = []
  // Phone: the number, its hours and notes. A record that names the phone channel but gives no
  // number keeps the channel with an empty value (no number is ever guessed).
  if (record.phone !== null || channels.includes('phone')) {
    contacts.push({
      channel: 'phone',
      value: record.phone,
      hours: record.hours,
      languages: null,
      notes: record.phone_notes,
    })
  }
  for (const channel of channels) {
    if (channel === 'phone') continue
    contacts.push({ channel: channel as Contact['channel'], value: null, hours: null, languages: null, notes: null })
  }
  if (record.phone === null && !channels.includes('phone')) {
    if (record.phone_notes !== null) warn(record.id, `phone_notes without a phone channel not kept: ${record.phone_notes}`)
    const hours = record.hours
    if (hours !== null) {
      // Hours that name their channel (e.g. "Chat weekdays …") go to that channel's contact.
      const target = contacts.find((contact) => hours.toLowerCase().startsWith(contact.channel.replace('_', ' ')))
      if (target) {
        target.hours = record.hours
        warn(record.id, `hours "${record.hours}" attached to the ${target.channel} contact (no phone)`)
      } else {
        warn(record.id, `hours "${record.hours}" not kept: no phone and no channel named`)
      }
    }
  }
  return contacts
}

function sourcesOf(record: ReferenceRecord): Source[] {
  const sources: Source[] = []
  for (const source of record.sources) {
    let url = source.url
    if (url.startsWith('http://')) {
      const host = new URL(url).hostname
      if (HTTPS_UPGRADE_HOSTS.has(host)) {
        url = `https://${url.slice('http://'.length)}`
        warn(record.id, `source upgraded to https: ${url}`)
      } else {
        warn(record.id, `source dropped (http only, host not known to serve https): ${source.url}`)
        continue
      }
    } else if (!url.startsWith('https://')) {
      warn(record.id, `source dropped (not an http(s) URL): ${source.url}`)
      continue
    }
    sources.push({ url, date: source.date, supports: source.supports })
  }
  return sources
}

function websiteOf(record: ReferenceRecord): string | null {
  if (record.website === null) return null
  if (record.website.startsWith('https://')) return record.website
  warn(record.id, `website dropped (not https): ${record.website}`)
  return null
}

function summaryOf(record: ReferenceRecord): string | null {
  if (record.notes === null) return null
  let text = record.notes
  for (const [pattern, replacement] of WORD_REWRITES) {
    text = text.replace(pattern, (match) => {
      warn(record.id, `summary: "${match}" rewritten as "${replacement}"`)
      return replacement
    })
  }
  return text
}

function convert(record: ReferenceRecord): Initiative | null {
  const kind = kindOf(record)
  const inferred: string[] = []
  const online = record.countries.includes(ONLINE_MARKER)
  const countries = record.countries.filter((country) => country !== ONLINE_MARKER)
  const languages = languagesOf(record, inferred)
  const tags = tagsOf(record, kind, inferred)
  const sources = sourcesOf(record)
  if (sources.length === 0) {
    warn(record.id, 'EXCLUDED: no usable https source left (schema requires at least one)')
    return null
  }
  return {
    id: record.id,
    kind,
    name: record.name,
    nameLocal: record.name_local,
    organisation: record.organisation,
    summary: summaryOf(record),
    ...statusOf(record),
    countries,
    subnational: record.subnational,
    online,
    languages,
    tags,
    inferred,
    free: record.free,
    costNotes: record.cost_notes,
    anonymous: record.anonymous,
    confidentiality: record.anonymity_notes,
    website: websiteOf(record),
    aboutPage: null,
    aboutPageBy: null,
    contacts: contactsOf(record),
    sources,
    ownWords: [],
    lastChecked: null,
    checkedBy: null,
    confidence: record.confidence,
  }
}

function main(): void {
  const reference = JSON.parse(readFileSync(REFERENCE_URL, 'utf8')) as ReferenceRecord[]
  const initiatives = reference
    .map(convert)
    .filter((initiative): initiative is Initiative => initiative !== null)
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))

  const parsed = InitiativesFileSchema.safeParse({ initiatives })
  for (const line of warnings) console.warn(`warning: ${line}`)
  if (!parsed.success) {
    console.error('data/initiatives.json would be invalid:')
    for (const issue of parsed.error.issues) {
      const path = issue.path.join('.')
      const id = typeof issue.path[1] === 'number' ? ` (${initiatives[issue.path[1]]?.id})` : ''
      console.error(`  ${path}${id}: ${issue.message}`)
    }
    process.exit(1)
  }

  const outIndex = process.argv.indexOf('--out')
  const outputPath = outIndex > 0 && process.argv[outIndex + 1] ? (process.argv[outIndex + 1] ?? '') : fileURLToPath(OUTPUT_URL)
  if (outputPath === fileURLToPath(OUTPUT_URL) && !process.argv.includes('--force')) {
    console.error('data/initiatives.json is curated by hand now (data/CURATION.md); use --out FILE to compare, or --force to overwrite it.')
    process.exit(1)
  }
  mkdirSync(dirname(outputPath), { recursive: true })
  writeFileSync(outputPath, `${JSON.stringify(parsed.data, null, 2)}\n`)

  const count = (key: 'kind' | 'status') =>
    Object.entries(
      parsed.data.initiatives.reduce<Record<string, number>>((acc, item) => {
        acc[item[key]] = (acc[item[key]] ?? 0) + 1
        return acc
      }, {}),
    )
      .map(([value, n]) => `${value}=${n}`)
      .join(', ')
  console.log(`wrote ${parsed.data.initiatives.length} of ${reference.length} records to ${outputPath}`)
  console.log(`  by kind: ${count('kind')}`)
  console.log(`  by status: ${count('status')}`)
  console.log(`  warnings: ${warnings.length}`)
}

main()
