import type { Initiative } from '../directory/initiativeSchema'
import type { Profile } from './profileFromAnswers'

/** Channels where someone answers: a relative can talk the worry through and be pointed further. */
const LISTENING_CHANNELS = ['phone', 'chat', 'sms', 'whatsapp']

/**
 * Whether a prevention service fits when the worry is a young person's sexual behaviour.
 *
 * - A service tagged `minors_hsb` fits: it works with young people (and, in the data, mostly their
 *   families too: PPJ, Inform Young People, Stop It Now! UK and Ireland).
 * - When the young person is the one asking (under 18 about themselves, or the "I am under 18"
 *   answer: their own target group is `minors_hsb`), nothing else fits. Every other record's target
 *   groups are adults' situations (thoughts, images, proceedings, conviction) or relatives and
 *   professionals, and none of them lists minors, so none is offered to a child as if it were for
 *   them — not even a helpline built around adults (PrevenTell, Kein Täter werden's line). Child
 *   helplines (116 111) are offered beside the services (match.ts).
 * - A helpline (someone answers by phone, chat, SMS or WhatsApp) for the asker's own group (family
 *   and friends, or professionals) fits as a place to talk it through: Stop It Now! Ireland,
 *   PrevenTell and STOP take calls from relatives, though they were built around adults.
 * - Nothing else: courses, groups, therapy and self-help built around adults' own situations
 *   (thoughts, images, proceedings, conviction), or around the relatives of adults who offended
 *   (One in Four's family group, Inform for families), say nothing about young people, so they are
 *   never offered as if they fit.
 * @example fitsYoungPersonConcern(oneInFour, { country: 'IE', language: 'en', tags: { target_group: ['family_friends'], concern: ['minors_hsb'] } }) // false
 */
export function fitsYoungPersonConcern(initiative: Initiative, profile: Profile): boolean {
  const groups = initiative.tags.target_group ?? []
  if (groups.includes('minors_hsb')) return true
  const askerGroups = profile.tags.target_group ?? []
  if (askerGroups.includes('minors_hsb')) return false
  const forAsker = askerGroups.some((group) => groups.includes(group))
  const listens = (initiative.tags.contact_channel ?? []).some((channel) => LISTENING_CHANNELS.includes(channel))
  return forAsker && listens
}
