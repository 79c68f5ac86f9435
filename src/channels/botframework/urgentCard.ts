import { CardFactory, type Attachment, type CardAction } from 'botbuilder'
import type { UrgentView } from '../shared/urgentView'

/**
 * Urgent help as its own hero card: the numbers for the person's country as call buttons.
 * @example urgentCard(view.urgent).content.buttons[0].value // 'tel:112'
 */
export function urgentCard(urgent: UrgentView, questionButtons: CardAction[] = []): Attachment {
  const text = [urgent.callFirst, urgent.intro, urgent.gap, urgent.eu, questionButtons.length > 0 ? urgent.question.prompt : undefined]
    .filter((line) => line !== undefined)
    .join('\n\n')
  // Call buttons first (the right one first once the question is answered), then the question's answers.
  // A number many countries share has no service name of its own (its name is its kind).
  const titleOf = (line: UrgentView['lines'][number]) =>
    line.where ? `${line.kindLabel}: ${line.number}` : `${line.kindLabel}: ${line.name} ${line.number}`
  const buttons = [...urgent.lines.map((line) => ({ type: 'call', title: titleOf(line), value: line.tel })), ...questionButtons]
  return CardFactory.heroCard(urgent.title, text, undefined, buttons, { subtitle: urgent.countryName })
}
