import type { Profile } from './profileFromAnswers'

/**
 * The person asks about a young person's sexual behaviour: the "young person's behaviour" path
 * (target group `minors_hsb`), or a parent, relative or professional worried about a child or
 * teenager (concern `minors_hsb`).
 * @example isAboutYoungPerson({ country: 'IE', language: 'en', tags: { target_group: ['family_friends'], concern: ['minors_hsb'] } }) // true
 */
export function isAboutYoungPerson(profile: Profile): boolean {
  return (profile.tags.target_group?.includes('minors_hsb') ?? false) || (profile.tags.concern?.includes('minors_hsb') ?? false)
}
