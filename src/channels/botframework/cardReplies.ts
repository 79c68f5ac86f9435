import { MessageFactory, type Activity } from 'botbuilder'
import type { Translate } from '../../i18n/translate'
import type { TurnView } from '../shared/buildTurnView'
import { adaptiveCardAttachment } from './adaptiveCardAttachment'
import { asPlainText } from './asPlainText'
import { botValue, type Prefill } from './botValue'
import { navigationActions } from './navigationActions'
import { plainTextBlock } from './plainTextBlock'
import { questionCard } from './questionCard'
import { resultsMessages } from './resultsMessages'
import { serviceAdaptiveCard } from './serviceAdaptiveCard'
import { urgentAdaptiveCard } from './urgentAdaptiveCard'

/**
 * A turn for a channel whose clients render Adaptive Cards (CARD_CHANNELS; the protocol is in
 * questionCard.ts): notice, urgent card, results cards or the question card. The last card always
 * offers "Urgent help" and "Start again" (and "Back" where possible).
 * @example cardReplies(view, t, undefined, 'msteams').at(-1)?.attachments?.[0]?.contentType // 'application/vnd.microsoft.card.adaptive'
 */
export function cardReplies(view: TurnView, t: Translate, prefill: Prefill | undefined, channelId: string): Partial<Activity>[] {
  const replies: Partial<Activity>[] = []
  if (view.notice) replies.push(MessageFactory.text(view.notice))
  if (view.showUrgent || view.urgentSuggested) replies.push(MessageFactory.attachment(urgentAdaptiveCard(view, t, prefill, channelId)))
  const results = view.results
  if (results) {
    replies.push(...resultsMessages(results, (service) => serviceAdaptiveCard(service, t, view.dir, channelId)))
    // No `value` here: after the results, typed words start afresh (docs/webchat/helpfinderStore.js).
    replies.push(
      MessageFactory.attachment(
        adaptiveCardAttachment([plainTextBlock(results.disclaimer)], navigationActions(view, t, prefill), view.dir),
      ),
    )
    return replies.map(asPlainText)
  }
  const question = MessageFactory.attachment(questionCard(view, t, prefill, channelId))
  // A client that can attach a value to typed text (Web Chat with docs/webchat/helpfinderStore.js) sends this back with it.
  question.value = botValue(view.state, 'answer', [], prefill)
  question.inputHint = 'acceptingInput'
  replies.push(question)
  return replies.map(asPlainText)
}
