import type { DirectoryLicence } from './directoryBodySchema'

/**
 * The directory's facts are open data under CC BY 4.0; the services' own words are quotations that
 * stay theirs. Stated in every directory response and in the README's "Open data".
 * @example body.licence.spdx // 'CC-BY-4.0'
 */
export const DIRECTORY_LICENCE: DirectoryLicence = {
  name: 'Creative Commons Attribution 4.0 International',
  spdx: 'CC-BY-4.0',
  url: 'https://creativecommons.org/licenses/by/4.0/',
  attribution: 'Helpfinder directory, with the sources each record lists (its sources[].url).',
  quotations:
    "The ownWords texts are quoted in a service's own words from its own page (ownWords[].source): they remain the service's and are not under this licence. Quote them as quotations, with that source.",
}
