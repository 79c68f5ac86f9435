import type { Initiative } from '../directory/initiativeSchema'
import { isFreeFrom } from '../directory/isFreeFrom'
import type { Profile } from './profileFromAnswers'
import type { Reason } from './reason'

/** A service scored for one person, with the reasons behind the score. */
export interface Scored {
  initiative: Initiative
  score: number
  reasons: Reason[]
  national: boolean
  /** Works in the person's language (sourced or inferred): such services always rank first. */
  speaksLanguage: boolean
}

/** Weights of the ranking; a fact that was inferred rather than sourced counts for less. */
export const WEIGHTS = {
  national: 30,
  targetGroup: 20,
  concern: 15,
  language: 15,
  languageInferred: 7,
  channel: 6,
  anonymous: 10,
  partlyAnonymous: 4,
  free: 3,
  highConfidence: 2,
  lowConfidence: -3,
} as const

/** Scores one service that already passed the hard filters. */
export function scoreInitiative(initiative: Initiative, profile: Profile): Scored {
  const reasons: Reason[] = []
  let score = 0
  const add = (weight: number, reason?: Reason) => {
    score += weight
    if (reason) reasons.push(reason)
  }
  const has = (criterion: string, tag: string) => initiative.tags[criterion]?.includes(tag) ?? false
  const national = profile.country !== undefined && initiative.countries.includes(profile.country)

  if (national) add(WEIGHTS.national, { key: 'reason.national', params: { country: profile.country ?? '' } })
  else add(0, { key: 'reason.online' })
  for (const group of profile.tags.target_group ?? []) {
    if (has('target_group', group)) add(WEIGHTS.targetGroup, { key: `reason.group.${group}` })
  }
  for (const concern of profile.tags.concern ?? []) {
    if (has('target_group', concern)) add(WEIGHTS.concern, { key: `reason.concern.${concern}` })
  }
  if (profile.language && initiative.languages.includes(profile.language)) {
    const inferred = initiative.inferred.includes('language')
    add(inferred ? WEIGHTS.languageInferred : WEIGHTS.language, {
      key: inferred ? 'reason.language_likely' : 'reason.language',
      params: { language: profile.language },
    })
  }
  const channels = (profile.tags.contact_channel ?? []).filter((channel) => has('contact_channel', channel))
  if (channels.length > 0) add(WEIGHTS.channel * channels.length, { key: 'reason.channels', params: { channels: channels.join(',') } })
  if (profile.tags.anonymity?.includes('anonymous')) {
    if (initiative.anonymous === true) add(WEIGHTS.anonymous, { key: 'reason.anonymous' })
    if (initiative.anonymous === 'partial') add(WEIGHTS.partlyAnonymous, { key: 'reason.partly_anonymous' })
  }
  // Free only if it is free from where the person is (a UK freephone is no reason for someone in Ireland).
  if (isFreeFrom(initiative, profile.country) === true) add(WEIGHTS.free, { key: 'reason.free' })
  if (initiative.confidence === 'high') add(WEIGHTS.highConfidence)
  if (initiative.confidence === 'low') add(WEIGHTS.lowConfidence)
  const speaksLanguage = profile.language !== undefined && initiative.languages.includes(profile.language)
  return { initiative, score, reasons, national, speaksLanguage }
}
