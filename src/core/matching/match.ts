import type { DirectoryIndex } from '../directory/indexDirectory'
import type { Initiative } from '../directory/initiativeSchema'
import type { UrgentLine } from '../directory/urgentHelpSchema'
import { fitsYoungPersonConcern } from './fitsYoungPersonConcern'
import { isAboutYoungPerson } from './isAboutYoungPerson'
import type { Profile } from './profileFromAnswers'
import { rankScored } from './rankScored'
import { scoreInitiative, type Scored } from './scoreInitiative'
import { youngPeopleFirst } from './youngPeopleFirst'

/**
 * What a person is shown. `tier` says how well it fits: `fit` (services for their situation),
 * `online_language` (nothing for their situation: online services in their language),
 * `online_english` (nothing in their language either: online services in English, labelled so),
 * `helplines` (only general lines), `urgent_only` (only urgent-help numbers). Never empty.
 */
export interface MatchResult {
  tier: 'fit' | 'online_language' | 'online_english' | 'helplines' | 'urgent_only'
  services: Scored[]
  /** A service in the person's own country fits their situation. */
  nationalFound: boolean
  /** General lines of the country, and child helplines when the person asks about a young person or as family. */
  helplines: Initiative[]
  urgent: UrgentLine[]
  /** Active records that fit this person but have no confirmed way to reach them: named, never ranked or linked. */
  unconfirmed: OnFileRecord[]
}

/** A record on file, by id and stored name only. */
export interface OnFileRecord {
  id: string
  name: string
}

const MAX_SERVICES = 8

/**
 * Matches a person to services: hard filters (serves their country or reaches them online in their
 * language; active; accepts their situation), then ranking with reasons. A worry about a young
 * person's behaviour has its own rule (fitsYoungPersonConcern): services that work with young
 * people first, and no course built around adults, not even as a fallback. A young person asking
 * about themselves (under 18) gets only services that work with young people, and child helplines
 * before general lines.
 * @example match(index, profileFromAnswers(flow, state.a)).services[0].reasons
 */
export function match(index: DirectoryIndex, profile: Profile): MatchResult {
  const reachable = reachableServices(index, profile)
  const groups = profile.tags.target_group ?? []
  const aboutYoungPerson = isAboutYoungPerson(profile)
  const fits = (initiative: Initiative) =>
    aboutYoungPerson ? fitsYoungPersonConcern(initiative, profile) : groups.some((group) => initiative.tags.target_group?.includes(group))
  const rank = (initiatives: Initiative[]) => {
    const ranked = rankScored(initiatives.map((initiative) => scoreInitiative(initiative, profile)))
    return (aboutYoungPerson ? youngPeopleFirst(ranked) : ranked).slice(0, MAX_SERVICES)
  }
  const unconfirmed = unconfirmedFitting(index, profile, fits)
  const fitting = reachable.filter(fits)
  const helplines = (profile.country ? (index.helplinesByCountry.get(profile.country) ?? []) : []).filter((line) =>
    helplineFits(line, profile),
  )
  // A stable sort: for a worry about a young person, the lines built for children and young people come first.
  if (aboutYoungPerson) helplines.sort((a, b) => Number(b.kind === 'child_helpline') - Number(a.kind === 'child_helpline'))
  const urgent = profile.country ? (index.urgentByCountry.get(profile.country) ?? []) : []
  const ranked = rank(fitting)
  const nationalFound = ranked.some((scored) => scored.national)
  if (ranked.length > 0) return { tier: 'fit', services: ranked, nationalFound, helplines, urgent, unconfirmed }

  for (const [tier, language] of [
    ['online_language', profile.language],
    ['online_english', 'en'],
  ] as const) {
    // Any online service may still help an adult; a worry about a young person gets no course built around adults.
    const online = index.onlinePrevention.filter((initiative) => speaks(initiative, language) && (!aboutYoungPerson || fits(initiative)))
    const fallback = rank(online)
    if (fallback.length > 0) return { tier, services: fallback, nationalFound, helplines, urgent, unconfirmed }
  }
  return { tier: helplines.length > 0 ? 'helplines' : 'urgent_only', services: [], nationalFound, helplines, urgent, unconfirmed }
}

/**
 * Child helplines are for children and young people (and, where they say so, their families);
 * they are not offered to an adult asking about their own thoughts, but are whenever a young
 * person's behaviour is the worry (the young person can call them too). General lines serve anyone.
 */
function helplineFits(line: Initiative, profile: Profile): boolean {
  if (line.kind !== 'child_helpline') return true
  const groups = profile.tags.target_group ?? []
  const servesFamilies = line.tags.target_group?.includes('family_friends') ?? false
  return isAboutYoungPerson(profile) || (servesFamilies && groups.includes('family_friends'))
}

/** National services, plus online ones that work in the person's language. */
function reachableServices(index: DirectoryIndex, profile: Profile): Initiative[] {
  const national = profile.country ? (index.preventionByCountry.get(profile.country) ?? []) : []
  const online = index.onlinePrevention.filter((initiative) => !national.includes(initiative) && speaks(initiative, profile.language))
  return [...national, ...online]
}

/** The same hard filters as reachable services (country or online in the person's language; their situation). */
function unconfirmedFitting(index: DirectoryIndex, profile: Profile, fits: (initiative: Initiative) => boolean): OnFileRecord[] {
  return index.unconfirmedPrevention
    .filter(
      (initiative) =>
        (profile.country !== undefined && initiative.countries.includes(profile.country)) ||
        (initiative.online && speaks(initiative, profile.language)),
    )
    .filter(fits)
    .map((initiative) => ({ id: initiative.id, name: initiative.name }))
}

function speaks(initiative: Initiative, language: string | undefined): boolean {
  return language !== undefined && initiative.languages.includes(language)
}
