import { CardFactory, type Attachment } from 'botbuilder'
import type { UrgentView } from '../shared/urgentView'

/**
 * Urgent help as its own hero card: the numbers for the person's country as call buttons.
 * @example urgentCard(view.urgent).content.buttons[0].value // 'tel:112'
 */
export function urgentCard(urgent: UrgentView): Attachment {
  const text = [urgent.callFirst, urgent.intro, urgent.gap, urgent.eu].filter((line) => line !== undefined).join('\n\n')
  const buttons = urgent.lines.map((line) => ({ type: 'call', title: `${line.kindLabel}: ${line.name} ${line.number}`, value: line.tel }))
  return CardFactory.heroCard(urgent.title, text, undefined, buttons, { subtitle: urgent.countryName })
}
