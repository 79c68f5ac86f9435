/**
 * Whether a channel's card renderer opens `tel:` links from an `Action.OpenUrl`. Teams does not on
 * desktop and web (microsoft/AdaptiveCards#3905: the button does nothing, or reopens the chat), so
 * Teams gets its numbers as text instead; Web Chat allows `tel:` (its card-action allow-list).
 * @example acceptsTelLinks('msteams') // false
 */
export function acceptsTelLinks(channelId: string): boolean {
  return channelId !== 'msteams'
}
