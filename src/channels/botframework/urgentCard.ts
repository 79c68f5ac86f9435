import { CardFactory, type Attachment, type CardAction } from 'botbuilder'
import { isolateNumbers } from '../shared/isolateNumbers'
import type { UrgentView } from '../shared/urgentView'

/**
 * Urgent help as its own hero card: the numbers for the person's country as call buttons. In
 * right-to-left languages the numbers in its words and button titles are isolated (never in the tel: value).
 * @example urgentCard(view.urgent, view.dir).content.buttons[0].value // 'tel:112'
 */
export function urgentCard(urgent: UrgentView, dir: 'ltr' | 'rtl', questionButtons: CardAction[] = []): Attachment {
  const words = (text: string) => isolateNumbers(text, dir)
  const text = [
    urgent.callFirst,
    urgent.intro,
    ...urgent.privacyNotes,
    urgent.gap,
    urgent.eu,
    questionButtons.length > 0 ? urgent.question.prompt : undefined,
  ]
    .filter((line) => line !== undefined)
    .join('\n\n')
  // Call buttons first (the right one first once the question is answered), then the question's answers.
  // A number many countries share has no service name of its own (its name is its kind).
  // The number isolated on its own first: a name ending in digits must not run into it.
  const titleOf = (line: UrgentView['lines'][number]) =>
    words(line.where ? `${line.kindLabel}: ${words(line.number)}` : `${line.kindLabel}: ${line.name} ${words(line.number)}`)
  const calls = urgent.lines.map((line): CardAction => ({ type: 'call', title: titleOf(line), value: line.tel }))
  return CardFactory.heroCard(urgent.title, words(text), undefined, [...calls, ...questionButtons], {
    subtitle: urgent.countryName,
  })
}
