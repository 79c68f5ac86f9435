import type { DirectoryData } from './directoryData'
import type { Initiative } from './initiativeSchema'
import type { Partner } from './partnerSchema'
import type { UrgentLine } from './urgentHelpSchema'
import { isContactable } from './isContactable'

/** The directory indexed in memory once per process or isolate, so matching never waits on storage. */
export interface DirectoryIndex {
  data: DirectoryData
  /** Active prevention services by country they serve. */
  preventionByCountry: Map<string, Initiative[]>
  /** Active prevention services anyone can reach online. */
  onlinePrevention: Initiative[]
  /** Active prevention records with no confirmed website, contact or page about the service: named to the person, never offered. */
  unconfirmedPrevention: Initiative[]
  /** Active child helplines and general lines by country. */
  helplinesByCountry: Map<string, Initiative[]>
  urgentByCountry: Map<string, UrgentLine[]>
  /** Countries offered in the country list: any with a service or urgent-help numbers. */
  countries: string[]
  /** Languages offered in the language list: any an active service works in. */
  languages: string[]
  /** Embedding partners by id. */
  partners: Map<string, Partner>
}

/** @example const index = indexDirectory(await repository.load()) */
export function indexDirectory(data: DirectoryData): DirectoryIndex {
  // Only active records a person can act on are ever offered as a service.
  const active = data.initiatives.filter((initiative) => initiative.status === 'active' && isContactable(initiative))
  const unconfirmed = data.initiatives.filter(
    (initiative) => initiative.status === 'active' && initiative.kind === 'prevention' && !isContactable(initiative),
  )
  const prevention = active.filter((initiative) => initiative.kind === 'prevention')
  const helplines = active.filter((initiative) => initiative.kind !== 'prevention')
  const countries = new Set<string>(data.urgent.map((entry) => entry.country))
  for (const initiative of active) for (const country of initiative.countries) countries.add(country)
  return {
    data,
    preventionByCountry: groupByCountry(prevention),
    onlinePrevention: prevention.filter((initiative) => initiative.online),
    unconfirmedPrevention: unconfirmed,
    helplinesByCountry: groupByCountry(helplines),
    urgentByCountry: new Map(data.urgent.map((entry) => [entry.country, entry.lines])),
    countries: [...countries].sort(),
    languages: [...new Set(active.flatMap((initiative) => initiative.languages))].sort(),
    partners: new Map(data.partners.map((partner) => [partner.id, partner])),
  }
}

function groupByCountry(initiatives: Initiative[]): Map<string, Initiative[]> {
  const byCountry = new Map<string, Initiative[]>()
  for (const initiative of initiatives) {
    for (const country of initiative.countries) byCountry.set(country, [...(byCountry.get(country) ?? []), initiative])
  }
  return byCountry
}
