import type { Partner } from '../../src/core/directory/partnerSchema'

/** A made-up partner for tests: the given id and origins, everything else plain. */
export function testPartner(fields: Partial<Partner> & Pick<Partner, 'id' | 'origins'>): Partner {
  return {
    name: 'Test Helpline',
    fictional: true,
    featured: [],
    defaultCountry: null,
    defaultLanguage: null,
    lastChecked: '2026-11-23',
    notes: null,
    ...fields,
  }
}
