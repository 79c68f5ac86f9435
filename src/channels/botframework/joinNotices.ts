/**
 * Notices of one turn as one message, in order, skipping the empty ones; undefined when none.
 * @example joinNotices('The directory is being updated.', undefined, 'Noted: Germany.') // 'The directory is being updated.\n\nNoted: Germany.'
 */
export function joinNotices(...notices: (string | undefined | false)[]): string | undefined {
  const shown = notices.filter((notice): notice is string => typeof notice === 'string' && notice !== '')
  return shown.length > 0 ? shown.join('\n\n') : undefined
}
