import type { Initiative } from './initiativeSchema'
import { worksFrom } from './worksFrom'

/**
 * The record's `free`, as it holds for a person in `country`. A record's "free" is usually a
 * national freephone; when one of its contacts does not work from the person's country, the way
 * they can reach it may cost (Stop It Now's UK freephone vs. the +44 number for Ireland), so
 * "free" is not confirmed for them and becomes null. The record does not say which number is the
 * free one, so this says less rather than more (two national freephones would both lose "free").
 * @example isFreeFrom(stopItNowUkIreland, 'IE') // null
 */
export function isFreeFrom(initiative: Initiative, country: string | undefined): boolean | null {
  if (initiative.free !== true) return initiative.free
  return initiative.contacts.every((contact) => worksFrom(contact, country)) ? true : null
}
