import { CARD_CHANNELS } from './cardChannels'

/**
 * Channels that get suggested actions and send a button's `value` back with the click, with room
 * for the sealed state in it: Facebook quick replies hold 1000 characters, Slack button values 2000.
 */
const SUGGESTED_ACTION_CHANNELS: readonly string[] = ['facebook', 'slack']

/**
 * Whether a channel brings the sealed state back with a click or a submitted card: the Adaptive
 * Card channels (CARD_CHANNELS: Teams, Web Chat, Direct Line, the Emulator) and the suggested-action
 * channels above. Every other channel — SMS, email, Telegram (64-byte callback data), LINE (300-byte
 * postback data) and any channel not named — gets noStateChannelReply instead of a conversation.
 * Bot Framework channel ids are lower case; docs/bot-channels.md has the table.
 * @example carriesState('msteams') // true; carriesState('sms') // false
 */
export function carriesState(channelId: string | undefined): boolean {
  if (channelId === undefined) return false
  const id = channelId.toLowerCase()
  return CARD_CHANNELS.includes(id) || SUGGESTED_ACTION_CHANNELS.includes(id)
}
