import type { Activity } from 'botbuilder'

/**
 * A message whose text the channel shows as it is (Web Chat and most channels honour
 * `textFormat: 'plain'`): locale and directory words, and typed words an error may repeat, never
 * become markdown links or markup.
 * @example asPlainText(MessageFactory.text('[x](http://a.example)')).textFormat // 'plain'
 */
export function asPlainText(activity: Partial<Activity>): Partial<Activity> {
  return { ...activity, textFormat: 'plain' }
}
