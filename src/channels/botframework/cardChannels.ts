/**
 * The channels whose stock clients render Adaptive Cards and send an `Action.Submit`'s data back
 * (merged with the card's inputs) as the message's `value`: Teams, Web Chat, Direct Line apps
 * (which use Web Chat or the Adaptive Cards SDK) and the Bot Framework Emulator. On these the bot
 * asks with Adaptive Cards (see questionCard.ts); every other channel keeps suggested actions.
 * @example CARD_CHANNELS.includes(activity.channelId) // true for 'msteams'
 */
export const CARD_CHANNELS: readonly string[] = ['msteams', 'webchat', 'directline', 'emulator']
