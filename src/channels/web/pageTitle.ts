import type { Translate } from '../../i18n/translate'

/**
 * The tab's title: where the person is ("Question 3 of 6", "Your results", "Urgent help"), then the
 * site's name. Deliberately never a question's or an answer's words: the tab, the history list and
 * the task switcher are seen by anyone who shares the device.
 * @example pageTitle(t, 'Urgent help') // 'Urgent help – Helpfinder'
 */
export function pageTitle(t: Translate, where: string | undefined): string {
  return where ? `${where} – ${t('app.title')}` : t('app.title')
}
