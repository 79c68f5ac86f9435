import type { Attachment } from 'botbuilder'
import type { BotValue } from './botValue'

/** The content type every client that renders Adaptive Cards recognises. */
const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive'

/** One element of a card's body (TextBlock, ActionSet, Input.ChoiceSet, Container…), as its JSON. */
export type AdaptiveElement = { type: string } & Record<string, unknown>

/** A button whose data comes back as the message's `value` (merged with the card's inputs unless `associatedInputs` is 'none'). */
export interface AdaptiveSubmit {
  type: 'Action.Submit'
  title: string
  data: BotValue
  style?: 'positive'
  associatedInputs?: 'none'
}

/** A button that opens an https: (or, where the channel allows, tel:) address. */
export interface AdaptiveOpenUrl {
  type: 'Action.OpenUrl'
  title: string
  url: string
}

export type AdaptiveAction = AdaptiveSubmit | AdaptiveOpenUrl

/**
 * An Adaptive Card 1.5 (what Teams renders) as a message attachment, right-to-left for RTL languages.
 * @example adaptiveCardAttachment([plainTextBlock('Hello')], [], 'ltr').content.version // '1.5'
 */
export function adaptiveCardAttachment(body: AdaptiveElement[], actions: AdaptiveAction[], dir: 'ltr' | 'rtl'): Attachment {
  return {
    contentType: ADAPTIVE_CARD,
    content: {
      type: 'AdaptiveCard',
      $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
      version: '1.5',
      // Explicit either way: an English card in an Arabic Teams client stays left-to-right.
      rtl: dir === 'rtl',
      body,
      ...(actions.length > 0 ? { actions } : {}),
    },
  }
}
