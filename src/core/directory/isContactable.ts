import type { Initiative } from './initiativeSchema'

/**
 * A person can act on a record only if it gives a website, at least one real address or number,
 * or an official page about the service (by its operator or a public body): each is a real way in.
 * @example isContactable({ ...record, website: null, contacts: [], aboutPage: 'https://operator.example/programme' }) // true
 */
export function isContactable(initiative: Initiative): boolean {
  return initiative.website !== null || initiative.aboutPage !== null || initiative.contacts.some((contact) => contact.value !== null)
}
