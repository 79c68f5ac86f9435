import * as z from 'zod'
import type { DirectoryData } from '../core/directory/directoryData'
import { InitiativeSchema, OwnWordsSchema, SourceSchema } from '../core/directory/initiativeSchema'
import { DEVELOPMENT_ORIGINS, isEmbedOrigin } from '../core/directory/embedOrigin'
import { partnerSchema } from '../core/directory/partnerSchema'
import { TaxonomySchema } from '../core/directory/taxonomySchema'
import { UrgentHelpFileSchema } from '../core/directory/urgentHelpSchema'
import type { DirectoryRows } from './directoryToRows'

type Rows = { [K in keyof DirectoryRows]: Required<DirectoryRows[K][number]>[] }

const JsonList = z.array(z.string())
const StoredPartnerSchema = partnerSchema(DEVELOPMENT_ORIGINS)

/** Rebuilds directory data from table rows and validates it with the same schemas as `data/`. */
export function rowsToDirectory(rows: Rows): DirectoryData {
  const metaValue = (key: string) => rows.meta.find((row) => row.key === key)?.value ?? ''
  const byPosition = <T extends { position: number }>(list: T[]) => [...list].sort((a, b) => a.position - b.position)
  const taxonomy = TaxonomySchema.parse({
    name: metaValue('taxonomy.name'),
    note: metaValue('taxonomy.note'),
    criteria: byPosition(rows.criteria).map((criterion) => ({
      ...withoutNulls(criterion),
      tags: byPosition(rows.tags.filter((tag) => tag.criterionId === criterion.id)).map(({ criterionId: _c, position: _p, ...tag }) =>
        withoutNulls(tag),
      ),
    })),
  })
  const initiatives = rows.initiatives.map((row) => {
    const tagRows = byPosition(rows.initiativeTags.filter((tag) => tag.initiativeId === row.id))
    const values = (criterionId: string) => tagRows.filter((tag) => tag.criterionId === criterionId).map((tag) => tag.tagId)
    const tags: Record<string, string[]> = {}
    for (const tag of tagRows) {
      if (tag.criterionId !== 'country' && tag.criterionId !== 'language') tags[tag.criterionId] = values(tag.criterionId)
    }
    const candidate = {
      ...row,
      anonymous: row.anonymous === null ? null : row.anonymous === 'partial' ? 'partial' : row.anonymous === 'yes',
      ownWords: z.array(OwnWordsSchema).parse(JSON.parse(row.ownWords)),
      countries: values('country'),
      languages: values('language'),
      tags,
      inferred: [...new Set(tagRows.filter((tag) => tag.inferred).map((tag) => tag.criterionId))],
      contacts: byPosition(rows.contacts.filter((contact) => contact.initiativeId === row.id)).map(
        ({ id: _id, initiativeId: _i, position: _p, languages, countries, ...contact }) => ({
          ...contact,
          languages: languages === null ? null : JsonList.parse(JSON.parse(languages)),
          // NULL means "works wherever the service works": the key stays absent, as in the JSON file.
          ...(countries === null ? {} : { countries: JsonList.parse(JSON.parse(countries)) }),
        }),
      ),
      sources: byPosition(rows.sources.filter((source) => source.initiativeId === row.id)).map(({ url, date, supports }) => ({
        url,
        date,
        supports,
      })),
    }
    return InitiativeSchema.parse(candidate)
  })
  const urgent = UrgentHelpFileSchema.parse({
    countries: [...new Set(rows.urgentLines.map((line) => line.country))].map((country) => ({
      country,
      lines: byPosition(rows.urgentLines.filter((line) => line.country === country)).map(
        ({ id: _id, country: _c, position: _p, languages, sources, ...line }) => ({
          ...line,
          languages: languages === null ? null : JsonList.parse(JSON.parse(languages)),
          sources: z.array(SourceSchema).parse(JSON.parse(sources)),
        }),
      ),
    })),
  }).countries
  // Stored partners are read under the widest rules (the widget applies this server's own); an
  // origin saved under older, looser rules is left out rather than failing the whole directory.
  const partners = rows.partners.map(({ origins, featured, ...partner }) =>
    StoredPartnerSchema.parse({
      ...partner,
      origins: JsonList.parse(JSON.parse(origins)).filter((origin) => isEmbedOrigin(origin, DEVELOPMENT_ORIGINS)),
      featured: JsonList.parse(JSON.parse(featured)),
    }),
  )
  return { taxonomy, initiatives, urgent, partners }
}

/** Optional fields are absent in `data/` but NULL in SQL. */
function withoutNulls(row: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(row).filter(([, value]) => value !== null))
}
