import type { Profile } from './profileFromAnswers'

/**
 * The person asks about a young person's sexual behaviour: a young person asking about themselves
 * (target group `minors_hsb`: "Me" and under 18, or "I am under 18 and worried about my own
 * thoughts or behaviour"), or a parent, relative or professional worried about a child or teenager
 * (concern `minors_hsb`).
 * @example isAboutYoungPerson({ country: 'IE', language: 'en', tags: { target_group: ['family_friends'], concern: ['minors_hsb'] } }) // true
 */
export function isAboutYoungPerson(profile: Profile): boolean {
  return (profile.tags.target_group?.includes('minors_hsb') ?? false) || (profile.tags.concern?.includes('minors_hsb') ?? false)
}
