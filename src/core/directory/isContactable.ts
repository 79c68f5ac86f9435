import type { Initiative } from './initiativeSchema'

/** A person can act on a record only if it gives a website or at least one real address or number. */
export function isContactable(initiative: Initiative): boolean {
  return initiative.website !== null || initiative.contacts.some((contact) => contact.value !== null)
}
