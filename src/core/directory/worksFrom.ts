import type { Contact } from './initiativeSchema'

/**
 * Whether a contact works for a person in `country`: a contact without `countries` works wherever
 * its service works; with an unknown country nothing can be ruled out.
 * @example worksFrom({ ...freephone, countries: ['GB'] }, 'IE') // false
 */
export function worksFrom(contact: Contact, country: string | undefined): boolean {
  return country === undefined || contact.countries === undefined || contact.countries.includes(country)
}
