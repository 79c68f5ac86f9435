import { CardFactory, type Attachment, type CardAction } from 'botbuilder'
import type { Translate } from '../../i18n/translate'
import type { ServiceView } from '../shared/serviceView'
import { serviceCardContent } from './serviceCardContent'

/**
 * A matched service as a hero card, for channels without Adaptive Cards (see serviceCardContent
 * for what it says): its phone numbers as call buttons and its https links as openUrl buttons.
 * @example serviceCard(view.results.services[0], t, view.dir).content.title // 'Präventionsnetzwerk „Kein Täter werden“ …'
 */
export function serviceCard(service: ServiceView, t: Translate, dir: 'ltr' | 'rtl'): Attachment {
  const content = serviceCardContent(service, t, dir)
  const buttons = content.buttons.map(
    (button): CardAction =>
      button.kind === 'call'
        ? { type: 'call', title: button.title, value: button.tel }
        : { type: 'openUrl', title: button.title, value: button.url },
  )
  const text = [...content.about, ...content.contacts, ...content.provenance].join('\n\n')
  return CardFactory.heroCard(content.title, text, undefined, buttons, { subtitle: content.subtitle })
}
