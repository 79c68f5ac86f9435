import { MessageFactory, type Activity, type CardAction } from 'botbuilder'
import type { Translate } from '../../i18n/translate'
import type { TurnView } from '../shared/buildTurnView'
import { asPlainText } from './asPlainText'
import { botValue, type Prefill } from './botValue'
import { CARD_CHANNELS } from './cardChannels'
import { cardReplies } from './cardReplies'
import { plainTextCard } from './plainTextCard'
import { resultsMessages } from './resultsMessages'
import { serviceCard } from './serviceCard'
import { urgentCard } from './urgentCard'

/** At most this many answer buttons; more would not fit the suggested-actions row of most channels. */
const MAX_ANSWERS = 10

/**
 * A turn as Bot Framework activities: notice, urgent card, results cards or the question. The last
 * one always offers "Urgent help" and "Start again" (and "Back" where possible) as suggested actions;
 * every button's value carries the sealed state, so the bot keeps nothing between turns. Words are
 * plain text: messages say `textFormat: 'plain'`, and cards (always rendered as markdown) are escaped.
 * Channels whose clients render Adaptive Cards (CARD_CHANNELS) get cards instead (cardReplies).
 * @example botReplies(view, t, undefined, 'slack').at(-1)?.suggestedActions?.actions[0].title // 'Me, about my own thoughts or behaviour'
 */
export function botReplies(view: TurnView, t: Translate, prefill: Prefill | undefined, channelId?: string): Partial<Activity>[] {
  const channel = channelId?.toLowerCase()
  if (channel !== undefined && CARD_CHANNELS.includes(channel)) return cardReplies(view, t, prefill, channel)
  const replies: Partial<Activity>[] = []
  // messageBack with `text` too: Web Chat draws no bubble for a click without it, and channels
  // without messageBack fall back to sending the text. The value decides the answer, not the text.
  const button = (title: string, action: Parameters<typeof botValue>[1], reply: string[] = []): CardAction => ({
    type: 'messageBack',
    title,
    text: title,
    displayText: title,
    value: botValue(view.state, action, reply, prefill),
  })
  const navigation = [
    ...(view.step.canGoBack ? [button(t('nav.back'), 'back')] : []),
    button(t('nav.urgent'), 'urgent'),
    button(t('nav.restart'), 'restart'),
  ]
  if (view.notice) replies.push(MessageFactory.text(view.notice))
  if (view.showUrgent || view.urgentSuggested) {
    // Urgent help's one question rides on its card, so the person's question stays the last message.
    const reasons = view.urgent.reason
      ? []
      : view.urgent.question.options.map(
          (option): CardAction => ({
            type: 'messageBack',
            title: option.label,
            text: option.label,
            displayText: option.label,
            value: { ...botValue(view.state, 'urgent', [], prefill), urgentReason: option.id, urgentCountry: view.urgent.country },
          }),
        )
    replies.push(MessageFactory.attachment(plainTextCard(urgentCard(view.urgent, view.dir, reasons))))
  }
  const results = view.results
  if (results) {
    replies.push(...resultsMessages(results, (service) => plainTextCard(serviceCard(service, t, view.dir))))
    replies.push(MessageFactory.suggestedActions(navigation, results.disclaimer))
    return replies.map(asPlainText)
  }
  const step = view.step
  const typedQuestion = step.parser === 'country' || step.parser === 'language'
  // Country and language lists are long: only "did you mean" suggestions and a preselected answer
  // become buttons; the name can be typed.
  const offered = typedQuestion ? [...step.suggestions, ...step.options.filter((option) => option.selected)] : step.options
  const answers = offered.filter((option, at) => offered.findIndex((other) => other.id === option.id) === at).slice(0, MAX_ANSWERS)
  const typeHint = step.parser === 'country' ? t('flow.country.type') : step.parser === 'language' ? t('flow.language.type') : step.hint
  const text = [view.error, step.prompt, typeHint].filter(Boolean).join('\n\n')
  const question = MessageFactory.suggestedActions(
    [...answers.map((option) => button(option.label, 'answer', [option.id])), ...navigation],
    text,
  )
  // A client that can attach a value to typed text (Web Chat with a store middleware, the tests) sends this back with it.
  question.value = botValue(view.state, 'answer', [], prefill)
  question.inputHint = typedQuestion ? 'expectingInput' : 'acceptingInput'
  replies.push(question)
  return replies.map(asPlainText)
}
