import type { DirectoryIndex } from '../../core/directory/indexDirectory'
import type { Initiative } from '../../core/directory/initiativeSchema'
import type { UrgentCountry } from '../../core/directory/urgentHelpSchema'
import { byId } from '../../curation/canonicalInitiative'
import { comparableInitiative } from '../../curation/comparableInitiative'
import {
  type DirectoryBody,
  type DirectoryInitiative,
  type DirectoryUrgentCountry,
  OMITTED_RECORD_FIELDS,
  OMITTED_URGENT_FIELDS,
} from './directoryBodySchema'
import { DIRECTORY_LICENCE } from './directoryLicence'

const LEFT_OUT =
  'Left out: doubtful and closed records (not confirmed active). Active records with no website, address, number or page about the service are included, with what is known (the results name them without a way in).'

/**
 * The open data of the directory, or of one country (`null`: all of it): every active record (or
 * those that list the country), with what is known of it. A record not confirmed active (doubtful,
 * closed) is never included; an active one without a way in is, so no real service is dropped.
 * @example publicDirectory(await deps.directory(), 'DE').initiatives.length
 */
export function publicDirectory(index: DirectoryIndex, country: string | null): DirectoryBody {
  const records = index.data.initiatives.filter(
    (record) => record.status === 'active' && (country === null || record.countries.includes(country)),
  )
  // The export's written form with `inferred` (a set) in taxonomy order, as the database returns it: the
  // same directory gives the same bytes, and ETag, from storage and from the built-in copy.
  const initiatives = [...records].map((record) => publicRecord(comparableInitiative(record, index.data.taxonomy))).sort(byId)
  const urgent = index.data.urgent.filter((entry) => country === null || entry.country === country).sort(byCountry)
  const countries = urgent.map(publicUrgent)
  const checks = [...initiatives, ...countries.flatMap((entry) => entry.lines)].map((item) => item.lastChecked)
  return {
    name: 'Helpfinder directory',
    country,
    scope: country === null ? WHOLE_SCOPE : countryScope(country),
    omittedFields: [
      ...Object.keys(OMITTED_RECORD_FIELDS).map((field) => `initiatives[].${field}`),
      ...Object.keys(OMITTED_URGENT_FIELDS).map((field) => `urgentHelp.countries[].lines[].${field}`),
    ],
    newestCheck: checks.reduce<string | null>((newest, day) => (day !== null && (newest === null || day > newest) ? day : newest), null),
    licence: DIRECTORY_LICENCE,
    initiatives,
    urgentHelp: { countries },
    taxonomy: index.data.taxonomy,
  }
}

const WHOLE_SCOPE = `Every active record of the directory: prevention services by the countries they serve, services reached online, child helplines and general lines. The urgent-help lines of every country. ${LEFT_OUT}`

function countryScope(country: string): string {
  return `The active records that list ${country} among their countries (prevention services, child helplines and general lines), and the urgent-help lines of ${country}. Online services based elsewhere that people in ${country} may also reach are not included: they are in /api/v1/directory with online true. ${LEFT_OUT}`
}

function publicRecord(record: Initiative): DirectoryInitiative {
  const { statusNote: _note, checkedBy: _checker, ...rest } = record
  return { ...rest, status: 'active' }
}

function publicUrgent(entry: UrgentCountry): DirectoryUrgentCountry {
  return { country: entry.country, lines: entry.lines.map(({ checkedBy: _checker, ...line }) => line) }
}

function byCountry(a: UrgentCountry, b: UrgentCountry): number {
  return a.country < b.country ? -1 : a.country > b.country ? 1 : 0
}
