import type { Attachment } from 'botbuilder'
import type { Translate } from '../../i18n/translate'
import type { TurnView } from '../shared/buildTurnView'
import { isolateNumbers } from '../shared/isolateNumbers'
import type { UrgentView } from '../shared/urgentView'
import { acceptsTelLinks } from './acceptsTelLinks'
import { adaptiveCardAttachment, type AdaptiveElement, type AdaptiveSubmit } from './adaptiveCardAttachment'
import { botValue, type Prefill } from './botValue'
import { navigationActions } from './navigationActions'
import { plainTextBlock } from './plainTextBlock'

/**
 * Urgent help as an Adaptive Card: the numbers for the person's country, each named, with a "Call …"
 * button where the channel opens tel: links and as large text in Teams, then, until it is answered, the one question
 * ("What is happening?") with its answers as buttons, and the navigation. In right-to-left languages
 * every number in its words and the call buttons' titles is isolated (never in the tel: address).
 * @example urgentAdaptiveCard(view, t, undefined, 'webchat').content.body[0].text // 'Urgent help'
 */
export function urgentAdaptiveCard(view: TurnView, t: Translate, prefill: Prefill | undefined, channelId: string): Attachment {
  const urgent = view.urgent
  const dials = acceptsTelLinks(channelId)
  const words = (text: string) => isolateNumbers(text, view.dir)
  // What the line is, then the number on its own, so a long service name never cuts the number off
  // a button. A number many countries share has no service name of its own (its name is its kind).
  const numbers = urgent.lines.flatMap((line): AdaptiveElement[] => [
    plainTextBlock(words(line.where ? line.kindLabel : `${line.kindLabel}: ${line.name}`), { weight: 'Bolder' }),
    ...(line.hours ? [plainTextBlock(words(line.hours), { isSubtle: true, spacing: 'None' })] : []),
    ...(line.privacy ? [plainTextBlock(line.privacy, { isSubtle: true, spacing: 'None' })] : []),
    dials
      ? {
          type: 'ActionSet',
          actions: [{ type: 'Action.OpenUrl', title: words(t('urgent.call', { number: words(line.number) })), url: line.tel }],
        }
      : plainTextBlock(words(line.number), { size: 'ExtraLarge', weight: 'Bolder', spacing: 'None' }),
  ])
  const reason = (option: UrgentView['question']['options'][number]): AdaptiveSubmit => ({
    type: 'Action.Submit',
    title: option.label,
    data: { ...botValue(view.state, 'urgent', [], prefill), urgentReason: option.id, urgentCountry: urgent.country },
  })
  const question: AdaptiveElement[] = urgent.reason
    ? []
    : [
        plainTextBlock(urgent.question.prompt, { weight: 'Bolder' }),
        ...urgent.question.options.map((option) => ({ type: 'ActionSet', actions: [reason(option)] })),
      ]
  const body: AdaptiveElement[] = [
    plainTextBlock(urgent.title, { style: 'heading' }),
    ...(urgent.countryName ? [plainTextBlock(urgent.countryName, { isSubtle: true })] : []),
    ...(urgent.callFirst ? [plainTextBlock(words(urgent.callFirst), { weight: 'Bolder', color: 'Attention' })] : []),
    plainTextBlock(urgent.intro),
    ...numbers,
    ...[urgent.gap, urgent.eu].filter((line) => line !== undefined).map((line) => plainTextBlock(words(line))),
    ...question,
  ]
  return adaptiveCardAttachment(body, navigationActions(view, t, prefill), view.dir)
}
