import type { DirectoryData } from '../../src/core/directory/directoryData'
import { ABOUT_ONLY, OWN_WORDS } from '../support/aboutPageFixtures'

/**
 * The seed plus records with a page about the service and the service's own words (in two
 * languages, one right-to-left, with quotes and an ampersand), so every driver stores and reads them back
 * whatever data/initiatives.json holds.
 * @example const seed = withOwnWordsRecords(loadBundledData())
 */
export function withOwnWordsRecords(seed: DirectoryData): DirectoryData {
  const ids = new Set([ABOUT_ONLY.id, OWN_WORDS.id])
  return { ...seed, initiatives: [...seed.initiatives.filter((record) => !ids.has(record.id)), ABOUT_ONLY, OWN_WORDS] }
}

/** The ids withOwnWordsRecords adds. */
export const ABOUT_PAGE_IDS = [ABOUT_ONLY.id, OWN_WORDS.id]
