import type { Attachment } from 'botbuilder'
import type { Translate } from '../../i18n/translate'
import type { ServiceView } from '../shared/serviceView'
import { acceptsTelLinks } from './acceptsTelLinks'
import { adaptiveCardAttachment, type AdaptiveAction, type AdaptiveElement } from './adaptiveCardAttachment'
import { plainTextBlock } from './plainTextBlock'
import { serviceCardContent } from './serviceCardContent'

/**
 * A matched service as an Adaptive Card, saying what its hero card says (serviceCardContent): the
 * name as a heading, why it is here, what it is, contacts, and how recent its record is; links as
 * buttons. Phone numbers are call buttons where the channel opens tel: links, and text (selectable,
 * copyable) in Teams, which does not.
 * @example serviceAdaptiveCard(view.results.services[0], t, 'ltr', 'msteams').content.body[0].style // 'heading'
 */
export function serviceAdaptiveCard(service: ServiceView, t: Translate, dir: 'ltr' | 'rtl', channelId: string): Attachment {
  const content = serviceCardContent(service, t, dir)
  const dials = acceptsTelLinks(channelId)
  const calls = content.buttons.flatMap((button) =>
    button.kind === 'call' && !dials ? [plainTextBlock(button.title, { weight: 'Bolder' })] : [],
  )
  const body: AdaptiveElement[] = [
    plainTextBlock(content.title, { style: 'heading' }),
    ...(content.subtitle ? [plainTextBlock(content.subtitle, { isSubtle: true })] : []),
    ...content.about.map((line) => plainTextBlock(line)),
    ...calls,
    ...content.contacts.map((line) => plainTextBlock(line)),
    ...content.provenance.map((line) => plainTextBlock(line, { size: 'Small' })),
  ]
  const actions = content.buttons.flatMap((button): AdaptiveAction[] => {
    if (button.kind === 'link') return [{ type: 'Action.OpenUrl', title: button.title, url: button.url }]
    return dials ? [{ type: 'Action.OpenUrl', title: button.title, url: button.tel }] : []
  })
  return adaptiveCardAttachment(body, actions, dir)
}
