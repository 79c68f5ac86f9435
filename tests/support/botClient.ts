import type { Activity, Attachment, CardAction } from 'botbuilder'

let counter = 0

/**
 * The settings for a bot without credentials that the tests may talk to: local testing, loopback
 * callers and loopback serviceUrls only (without it, `/api/messages` answers 401).
 */
export const LOCAL_TESTING = { BOT_LOCAL_TESTING: 'on' } as const

/** A minimal inbound activity as a channel sends it; `overrides` replaces any field. */
export function activity(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  counter += 1
  return {
    type: 'message',
    id: `in-${counter}`,
    channelId: 'emulator',
    serviceUrl: 'http://127.0.0.1:9/',
    conversation: { id: 'conversation-1' },
    from: { id: 'person-1' },
    recipient: { id: 'helpfinder-bot' },
    deliveryMode: 'expectReplies',
    ...overrides,
  }
}

/** POSTs a body to the messaging endpoint; returns the status and, for expectReplies, the bot's activities. */
export async function postActivity(base: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${base}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })
  const text = await response.text()
  const parsed: { activities?: Activity[] } = text ? JSON.parse(text) : {}
  return { status: response.status, activities: parsed.activities ?? [] }
}

/** The suggested actions of the last activity (where the bot puts its buttons). */
export function buttonsOf(activities: readonly Activity[]): CardAction[] {
  return activities.at(-1)?.suggestedActions?.actions ?? []
}

/** The button whose value answers with this option id, or the one with this title. */
export function button(activities: readonly Activity[], idOrTitle: string): CardAction {
  const found = buttonsOf(activities).find((action) => action.value?.reply?.[0] === idOrTitle || action.title === idOrTitle)
  if (!found) throw new Error(`no button ${idOrTitle} among ${buttonsOf(activities).map((action) => action.title).join(' | ')}`)
  return found
}

/** A hero card's words as a channel shows them: the bot escapes markdown in them (see escapeMarkdown). */
export interface ShownHeroCard {
  title: string
  subtitle?: string
  text?: string
  buttons?: CardAction[]
}

/** Every hero card the bot sent in these activities, as sent (title, subtitle and text markdown-escaped). */
export function rawHeroCards(activities: readonly Activity[]): ShownHeroCard[] {
  return activities.flatMap((sent) => sent.attachments ?? []).flatMap((attachment: Attachment) => (attachment.contentType === 'application/vnd.microsoft.card.hero' ? [attachment.content] : []))
}

/** Every hero card the bot sent in these activities, with title, subtitle and text as a markdown channel shows them. */
export function heroCards(activities: readonly Activity[]): ShownHeroCard[] {
  return rawHeroCards(activities).map((card) => ({
    ...card,
    title: shownMarkdown(card.title),
    ...(card.subtitle === undefined ? {} : { subtitle: shownMarkdown(card.subtitle) }),
    ...(card.text === undefined ? {} : { text: shownMarkdown(card.text) }),
  }))
}

/** What markdown made only of plain words and backslash escapes shows: the escapes resolved. */
export function shownMarkdown(markdown: string): string {
  return markdown.replace(/\\([!-/:-@[-`{-~])/g, '$1')
}

/** All text the bot sent, joined. */
export function textOf(activities: readonly Activity[]): string {
  return activities.map((sent) => sent.text ?? '').join('\n')
}
