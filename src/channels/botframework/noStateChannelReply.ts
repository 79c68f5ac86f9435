import { MessageFactory, type Activity } from 'botbuilder'
import { detectUrgentWords } from '../../core/crisis/detectUrgentWords'
import { isolateNumbers } from '../shared/isolateNumbers'
import { regionFromAcceptLanguage } from '../shared/regionFromAcceptLanguage'
import type { TurnDeps } from '../shared/turnDeps'
import { urgentView, type UrgentView } from '../shared/urgentView'
import { asPlainText } from './asPlainText'
import { welcomeLines } from './botGreeting'
import { carriesState } from './carriesState'

/** What the reply reads from the message: never stored or logged. */
export interface NoStateMessage {
  channelId: string | undefined
  locale: string | undefined
  text: string | undefined
}

/**
 * The whole answer on a channel that cannot carry the sealed state back (SMS, email, Telegram,
 * any channel carriesState does not name): a welcome, the urgent numbers for the locale's country
 * (the numbers many countries share when it names none), and a link to the web conversation when
 * PUBLIC_ORIGIN is set. One plain-text message with no buttons and no token, the same on every
 * message, so nothing can loop; urgent words in the text put the urgent numbers first. In a
 * right-to-left language its numbers are isolated, so they keep their digit groups in order.
 * Undefined on channels that carry state: they get the conversation.
 * @example (await noStateChannelReply(deps, { channelId: 'sms', locale: 'de-DE', text: 'hallo' }))?.[0]?.text // 'Vertrauliche Hilfe …'
 */
export async function noStateChannelReply(deps: TurnDeps, message: NoStateMessage): Promise<Partial<Activity>[] | undefined> {
  if (carriesState(message.channelId)) return undefined
  const ui = deps.translator.pick(message.locale)
  const t = deps.translator.t(ui)
  const index = await deps.directory()
  const typed = message.text?.slice(0, 2000)
  const reason = typed ? detectUrgentWords(deps.crisis, [typed]) : undefined
  const urgent = urgentBlock(urgentView(index, regionFromAcceptLanguage(message.locale, index.countries), t, ui, reason))
  const welcome = welcomeLines(t)
  const link = deps.publicOrigin ? [t('bot.web_link', { url: `${deps.publicOrigin}/` })] : []
  const parts = reason ? [urgent, ...welcome, ...link] : [...welcome, urgent, ...link]
  // One message: on SMS and email each activity is a text or an email of its own.
  return [asPlainText(MessageFactory.text(isolateNumbers(parts.join('\n\n'), deps.translator.dir(ui))))]
}

/** Urgent help as lines of text: the numbers stand alone, so phones offer to call them. */
function urgentBlock(urgent: UrgentView): string {
  const title = urgent.countryName && !urgent.shared ? `${urgent.title}: ${urgent.countryName}` : urgent.title
  const lines = urgent.lines.map((line) => {
    const named = line.where ? `${line.kindLabel}: ${line.number}` : `${line.kindLabel}, ${line.name}: ${line.number}`
    return line.hours ? `${named} (${line.hours})` : named
  })
  // "Tell us your country" cannot be answered here; a known country's missing numbers are still said.
  const gap = urgent.shared && urgent.country === undefined ? urgent.eu : urgent.gap
  return [title, urgent.callFirst, urgent.intro, ...lines, ...urgent.privacyNotes, gap].filter((line) => line !== undefined).join('\n')
}
