import type { DirectoryData } from '../../src/core/directory/directoryData'
import { DEVELOPMENT_ORIGINS } from '../../src/core/directory/embedOrigin'
import { partnerSchema } from '../../src/core/directory/partnerSchema'

/**
 * The seed plus a partner with every optional field set (data/partners.json's demo leaves them
 * null), so a round trip covers both.
 * @example const seed = withFullPartner(loadBundledData())
 */
export function withFullPartner(seed: DirectoryData): DirectoryData {
  // A loopback origin too, which only a development server accepts: stored data must round-trip it.
  const partner = partnerSchema(DEVELOPMENT_ORIGINS).parse({
    id: 'test-full-partner',
    name: 'Test partner with every field',
    fictional: true,
    origins: ['https://partner.example', 'https://www.partner.example:8443', 'http://localhost:*', 'self'],
    featured: seed.initiatives.slice(0, 2).map((initiative) => initiative.id),
    defaultCountry: 'DE',
    defaultLanguage: 'de',
    lastChecked: '2026-11-01',
    notes: 'Only in tests.',
  })
  return { ...seed, partners: [...seed.partners, partner] }
}
