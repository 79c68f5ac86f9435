import { MessageFactory, type Activity } from 'botbuilder'
import type { Translate } from '../../i18n/translate'
import { asPlainText } from './asPlainText'

/** Why the bot greets: someone new, or a message whose place in a conversation could not be seen. */
export type Welcome = 'new' | 'restarted'

/**
 * The words before a new conversation's first question: what Helpfinder is and that it keeps
 * nothing. When the bot could not see where a conversation was, it says so first.
 * @example botGreeting(t, 'new').text // 'Find confidential help to prevent child sexual abuse\n\n…'
 */
export function botGreeting(t: Translate, welcome: Welcome): Partial<Activity> {
  const lines = [...(welcome === 'restarted' ? [t('bot.lost_place')] : []), ...welcomeLines(t)]
  return asPlainText(MessageFactory.text(lines.join('\n\n')))
}

/** What Helpfinder is and that it keeps nothing: the welcome every channel's first answer opens with. */
export function welcomeLines(t: Translate): string[] {
  return [t('app.tagline'), t('app.what_it_is'), t('app.stores_nothing')]
}
