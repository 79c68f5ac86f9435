import * as z from 'zod'
import type { EmbedOriginRules } from '../../core/directory/embedOrigin'
import { partnerSchema, type Partner } from '../../core/directory/partnerSchema'

/** The partner form's fields, in page order (the error summary follows it). */
export const PARTNER_FIELDS = [
  'id',
  'name',
  'fictional',
  'origins',
  'featured',
  'defaultCountry',
  'defaultLanguage',
  'lastChecked',
  'notes',
] as const
export type PartnerField = (typeof PARTNER_FIELDS)[number]

/** What the curator typed, kept as typed so a refused form comes back unchanged. */
export interface PartnerInput {
  id: string
  name: string
  fictional: boolean
  origins: string
  featured: string
  defaultCountry: string
  defaultLanguage: string
  lastChecked: string
  notes: string
  baseVersion: string
}

/** Errors of one submission: beside a field, or about the whole form (a refusal). */
export interface PartnerErrors {
  fields: Partial<Record<PartnerField, string[]>>
  general: string[]
}

const Text = (max: number) => z.string().max(max).optional().default('')

/** The posted body. Limits are generous (the partner schema has the real ones) but keep a page small. */
const PartnerFormSchema = z.object({
  id: Text(200),
  name: Text(1000),
  fictional: z.string().max(10).optional(),
  origins: Text(10_000),
  featured: Text(10_000),
  defaultCountry: Text(100),
  defaultLanguage: Text(100),
  lastChecked: Text(100),
  notes: Text(5_000),
  baseVersion: Text(100),
})

const MESSAGES: Record<PartnerField, string> = {
  id: 'Use lower-case letters, digits and single hyphens, at most 64 characters, for example "lindenweg-helpline".',
  name: 'Enter the name, at most 200 characters.',
  fictional: 'Tick the box or leave it empty.',
  origins: 'Enter one origin per line.',
  featured: 'Enter one initiative id per line.',
  defaultCountry: 'Enter a two-letter country code such as DE, or leave it empty.',
  defaultLanguage: 'Enter a two-letter language code such as de, or leave it empty.',
  lastChecked: 'Enter a date as YYYY-MM-DD.',
  notes: 'Keep the notes under 5,000 characters.',
}

/**
 * The posted form as typed, or undefined when it is not a form this page sends (e.g. a file).
 * @example const input = partnerInput(await c.req.parseBody())
 */
export function partnerInput(body: Record<string, unknown>): PartnerInput | undefined {
  const form = PartnerFormSchema.safeParse(body)
  if (!form.success) return undefined
  return { ...form.data, fictional: form.data.fictional !== undefined }
}

/**
 * The form's values for an existing partner, as the form shows them.
 * @example inputOfPartner(partner, recordVersion(partner)).origins // 'https://a.example\nhttps://b.example'
 */
export function inputOfPartner(partner: Partner, baseVersion: string): PartnerInput {
  return {
    id: partner.id,
    name: partner.name,
    fictional: partner.fictional,
    origins: partner.origins.join('\n'),
    featured: partner.featured.join('\n'),
    defaultCountry: partner.defaultCountry ?? '',
    defaultLanguage: partner.defaultLanguage ?? '',
    lastChecked: partner.lastChecked,
    notes: partner.notes ?? '',
    baseVersion,
  }
}

/** One entry per non-empty line, trimmed. */
const lines = (text: string) =>
  text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')

/**
 * The partner the form describes, checked with the partner schema under this server's origin
 * rules; each problem is put beside its field.
 * @example partnerFromInput(input, PRODUCTION_ORIGINS) // { ok: true, partner } or { ok: false, errors: { fields: { origins: ['…'] }, general: [] } }
 */
export function partnerFromInput(
  input: PartnerInput,
  rules: EmbedOriginRules,
): { ok: true; partner: Partner } | { ok: false; errors: PartnerErrors } {
  const origins = lines(input.origins)
  const featured = lines(input.featured)
  const candidate = {
    id: input.id.trim(),
    name: input.name.trim(),
    fictional: input.fictional,
    origins,
    featured,
    defaultCountry: input.defaultCountry.trim() === '' ? null : input.defaultCountry.trim().toUpperCase(),
    defaultLanguage: input.defaultLanguage.trim() === '' ? null : input.defaultLanguage.trim().toLowerCase(),
    lastChecked: input.lastChecked.trim(),
    notes: input.notes.trim() === '' ? null : input.notes.trim(),
  }
  const errors: PartnerErrors = { fields: {}, general: [] }
  const add = (field: PartnerField, text: string) => {
    const list = errors.fields[field] ?? []
    if (!list.includes(text)) list.push(text)
    errors.fields[field] = list
  }
  const parsed = partnerSchema(rules).safeParse(candidate)
  const badOrigins: string[] = []
  for (const issue of parsed.success ? [] : parsed.error.issues) {
    const [field, index] = issue.path
    if (field === 'origins') {
      const value = typeof index === 'number' ? origins[index] : undefined
      if (value === undefined) add('origins', 'List at most 50 origins.')
      else badOrigins.push(`"${value}"`)
    } else if (field === 'featured') {
      add('featured', typeof index === 'number' ? 'Each line must be an initiative id.' : 'Feature at most 20 services.')
    } else if (isField(field)) {
      add(field, MESSAGES[field])
    } else {
      errors.general.push(issue.message)
    }
  }
  if (badOrigins.length > 0) {
    const loopback = rules.devOrigins
      ? 'http://localhost, 127.0.0.1 or [::1] (this is a development server)'
      : 'http://localhost only on a development server (PARTNER_DEV_ORIGINS=on)'
    add(
      'origins',
      `Not an origin the widget can allow: ${badOrigins.join(', ')}. Use self, https://host or https://host:port: a host name with a dot, a port from 1 to 65535, no path, no trailing slash; ${loopback}.`,
    )
  }
  const repeated = featured.filter((id, at) => featured.indexOf(id) !== at)
  if (repeated.length > 0) add('featured', `List each service once: ${[...new Set(repeated)].join(', ')} is listed more than once.`)
  if (!parsed.success || repeated.length > 0) return { ok: false, errors }
  return { ok: true, partner: parsed.data }
}

/**
 * A data:check problem about this partner ("partner X: featured Y is closed; …") placed beside
 * the field it names; anything else stays in the summary.
 * @example placeProblem(errors, 'demo', 'partner demo: featured stop-x is not in data/initiatives.json')
 */
export function placeProblem(errors: PartnerErrors, partnerId: string, problem: string): void {
  const prefix = `partner ${partnerId}: `
  const text = problem.startsWith(prefix) ? problem.slice(prefix.length) : problem
  const field: PartnerField | undefined = !problem.startsWith(prefix)
    ? undefined
    : text.startsWith('featured ')
      ? 'featured'
      : text.startsWith('defaultCountry ')
        ? 'defaultCountry'
        : text.startsWith('duplicate id')
          ? 'id'
          : undefined
  if (!field) {
    errors.general.push(problem)
    return
  }
  errors.fields[field] = [...(errors.fields[field] ?? []), sentence(text)]
}

/** data:check's words made to read as a sentence in the console (which has no data/ files). */
function sentence(text: string): string {
  const words = text.replace('is not in data/initiatives.json', 'is not in the directory')
  const capital = words.charAt(0).toUpperCase() + words.slice(1)
  return /[.!?]$/.test(capital) ? capital : `${capital}.`
}

function isField(value: unknown): value is PartnerField {
  return typeof value === 'string' && (PARTNER_FIELDS as readonly string[]).includes(value)
}
