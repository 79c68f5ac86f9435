import type { DirectoryData } from '../core/directory/directoryData'
import type { Initiative } from '../core/directory/initiativeSchema'
import type { Partner } from '../core/directory/partnerSchema'
import type { contacts, criteria, initiatives, initiativeTags, meta, partners, sources, tags, urgentLines } from './schema'

/** Rows for every table, ready for one atomic insert (a transaction on SQLite, a batch on D1). */
export interface DirectoryRows {
  meta: (typeof meta.$inferInsert)[]
  criteria: (typeof criteria.$inferInsert)[]
  tags: (typeof tags.$inferInsert)[]
  initiatives: (typeof initiatives.$inferInsert)[]
  initiativeTags: (typeof initiativeTags.$inferInsert)[]
  contacts: (typeof contacts.$inferInsert)[]
  sources: (typeof sources.$inferInsert)[]
  urgentLines: (typeof urgentLines.$inferInsert)[]
  partners: (typeof partners.$inferInsert)[]
}

/** Flattens validated directory data into table rows. */
export function directoryToRows(data: DirectoryData): DirectoryRows {
  const { taxonomy } = data
  return {
    meta: [
      { key: 'taxonomy.name', value: taxonomy.name },
      { key: 'taxonomy.note', value: taxonomy.note },
    ],
    criteria: taxonomy.criteria.map((criterion, position) => ({
      id: criterion.id,
      position,
      label: criterion.label,
      description: criterion.description,
      multiple: criterion.multiple,
      valueSet: criterion.valueSet,
      field: criterion.field ?? null,
      source: criterion.source,
    })),
    tags: taxonomy.criteria.flatMap((criterion) =>
      criterion.tags.map((tag, position) => ({
        criterionId: criterion.id,
        id: tag.id,
        position,
        label: tag.label,
        description: tag.description ?? null,
      })),
    ),
    initiatives: data.initiatives.map(initiativeRow),
    initiativeTags: data.initiatives.flatMap(initiativeTagRows),
    contacts: data.initiatives.flatMap((initiative) =>
      initiative.contacts.map((contact, position) => ({
        initiativeId: initiative.id,
        position,
        ...contact,
        languages: jsonOrNull(contact.languages),
        countries: jsonOrNull(contact.countries),
      })),
    ),
    sources: data.initiatives.flatMap((initiative) =>
      initiative.sources.map((source, position) => ({ initiativeId: initiative.id, position, ...source })),
    ),
    urgentLines: data.urgent.flatMap((entry) =>
      entry.lines.map((line, position) => ({
        country: entry.country,
        position,
        ...line,
        languages: jsonOrNull(line.languages),
        sources: JSON.stringify(line.sources),
      })),
    ),
    partners: data.partners.map(partnerRow),
  }
}

/** Origins and featured ids as JSON arrays: a few strings each, always read and written whole. */
function partnerRow(partner: Partner): typeof partners.$inferInsert {
  return { ...partner, origins: JSON.stringify(partner.origins), featured: JSON.stringify(partner.featured) }
}

function initiativeRow(initiative: Initiative): typeof initiatives.$inferInsert {
  const {
    tags: _tags,
    inferred: _inferred,
    countries: _c,
    languages: _l,
    contacts: _k,
    sources: _s,
    anonymous,
    ownWords,
    ...rest
  } = initiative
  return {
    ...rest,
    ownWords: JSON.stringify(ownWords),
    anonymous: anonymous === null ? null : anonymous === 'partial' ? 'partial' : anonymous ? 'yes' : 'no',
  }
}

/** Tags, countries and languages as rows of one table; `inferred` marks what a source did not state. */
function initiativeTagRows(initiative: Initiative): (typeof initiativeTags.$inferInsert)[] {
  const byCriterion: [string, string[]][] = [
    ...Object.entries(initiative.tags),
    ['country', initiative.countries],
    ['language', initiative.languages],
  ]
  return byCriterion.flatMap(([criterionId, values]) =>
    values.map((tagId, position) => ({
      initiativeId: initiative.id,
      criterionId,
      tagId,
      position,
      inferred: initiative.inferred.includes(criterionId),
    })),
  )
}

/** A list as the JSON text its column holds; null (unknown) stays null. */
function jsonOrNull(list: readonly string[] | null | undefined): string | null {
  return list ? JSON.stringify(list) : null
}
