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

/** A card element or action as JSON: only the fields the tests read. */
interface CardNode {
  type?: string
  text?: string
  style?: string
  isSubtle?: boolean
  title?: string
  url?: string
  data?: Record<string, unknown>
  associatedInputs?: string
  id?: string
  choices?: { title: string; value: string }[]
  body?: CardNode[]
  items?: CardNode[]
  columns?: CardNode[]
  actions?: CardNode[]
  selectAction?: CardNode
  rtl?: boolean
}

/** The Adaptive Cards attached to an activity. */
export function adaptiveCardsOf(sent: Partial<Activity>): CardNode[] {
  return (sent.attachments ?? []).flatMap((attachment: Attachment) =>
    attachment.contentType === 'application/vnd.microsoft.card.adaptive' ? [attachment.content] : [],
  )
}

/** Every element and action of a card in reading order: the body (depth first), then the card's own actions. */
export function cardNodes(card: CardNode): CardNode[] {
  // A tappable box (a Container's selectAction) is a button too, read where the box is.
  const walk = (node: CardNode): CardNode[] => [
    node,
    ...(node.selectAction ? [node.selectAction] : []),
    ...[...(node.items ?? []), ...(node.columns ?? []), ...(node.actions ?? [])].flatMap(walk),
  ]
  return [...(card.body ?? []).flatMap(walk), ...(card.actions ?? []).flatMap(walk)]
}

/**
 * A card's buttons as the person can use them: a submit's value is its data; an OpenUrl to a tel:
 * address dials (type 'call', as a hero card's call button), any other opens the page ('openUrl').
 */
function cardButtons(card: CardNode): CardAction[] {
  return cardNodes(card).flatMap((node): CardAction[] => {
    if (node.type === 'Action.Submit') return [{ type: 'Action.Submit', title: node.title ?? '', value: node.data }]
    if (node.type === 'Action.OpenUrl')
      return [{ type: node.url?.startsWith('tel:') ? 'call' : 'openUrl', title: node.title ?? '', value: node.url }]
    return []
  })
}

/** The buttons of the last activity: its suggested actions, or the buttons on its Adaptive Card. */
export function buttonsOf(activities: readonly Partial<Activity>[]): CardAction[] {
  const last = activities.at(-1)
  if (!last) return []
  return last.suggestedActions?.actions ?? adaptiveCardsOf(last).flatMap(cardButtons)
}

/**
 * The button whose value answers with this option id, or the one with this title. On a card that
 * asks with a list (Input.ChoiceSet "reply"), choosing an entry (by value or title) and pressing
 * the card's submit button gives, as in Teams and Web Chat, the button's data merged with the input.
 */
export function button(activities: readonly Activity[], idOrTitle: string): CardAction {
  const found = buttonsOf(activities).find((action) => action.value?.reply?.[0] === idOrTitle || action.title === idOrTitle)
  if (found) return found
  const last = activities.at(-1)
  const card = last ? adaptiveCardsOf(last)[0] : undefined
  const nodes = card ? cardNodes(card) : []
  const choice = nodes
    .find((node) => node.type === 'Input.ChoiceSet' && node.id === 'reply')
    ?.choices?.find((entry) => entry.value === idOrTitle || entry.title === idOrTitle)
  const submit = nodes.find((node) => node.type === 'Action.Submit' && node.associatedInputs !== 'none' && node.data?.reply === undefined)
  if (choice && submit) return { type: 'Action.Submit', title: choice.title, value: { ...submit.data, reply: choice.value } }
  throw new Error(
    `no button ${idOrTitle} among ${buttonsOf(activities)
      .map((action) => action.title)
      .join(' | ')}`,
  )
}

/** A hero card's words as a channel shows them: the bot escapes markdown in them (see escapeMarkdown). */
export interface ShownHeroCard {
  title: string
  subtitle?: string
  text?: string
  buttons?: CardAction[]
}

/**
 * Every card the bot sent in these activities, as sent (title, subtitle and text markdown-escaped):
 * hero cards, and Adaptive Cards read the same way: the heading TextBlock is the title, a subtle
 * TextBlock right after it the subtitle, the other TextBlocks the text, and the buttons as in cardButtons.
 */
export function rawHeroCards(activities: readonly Activity[]): ShownHeroCard[] {
  return activities
    .flatMap((sent) => sent.attachments ?? [])
    .flatMap((attachment: Attachment): ShownHeroCard[] => {
      if (attachment.contentType === 'application/vnd.microsoft.card.hero') return [attachment.content]
      if (attachment.contentType !== 'application/vnd.microsoft.card.adaptive') return []
      const card: CardNode = attachment.content
      const blocks = cardNodes(card).filter((node) => node.type === 'TextBlock')
      const heading = blocks.findIndex((block) => block.style === 'heading')
      const next = blocks[heading + 1]
      const subtitle = heading >= 0 && next?.isSubtle ? next : undefined
      const text = blocks.filter((block, index) => index !== heading && block !== subtitle).map((block) => block.text ?? '')
      return [
        {
          title: blocks[heading]?.text ?? '',
          ...(subtitle ? { subtitle: subtitle.text } : {}),
          ...(text.length > 0 ? { text: text.join('\n\n') } : {}),
          buttons: cardButtons(card),
        },
      ]
    })
}

/** Every card the bot sent in these activities (hero or Adaptive, read as in rawHeroCards), with title, subtitle and text as a markdown channel shows them. */
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

/** All text the bot sent, joined: each message's text and the words of its Adaptive Cards, as shown. */
export function textOf(activities: readonly Partial<Activity>[]): string {
  const cardWords = (sent: Partial<Activity>) =>
    adaptiveCardsOf(sent).flatMap((card) =>
      cardNodes(card).flatMap((node) => (node.type === 'TextBlock' ? [shownMarkdown(node.text ?? '')] : [])),
    )
  return activities.map((sent) => [sent.text ?? '', ...cardWords(sent)].join('\n')).join('\n')
}
