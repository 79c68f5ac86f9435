import type { Translate } from '../../i18n/translate'
import type { TurnView } from '../shared/buildTurnView'
import type { AdaptiveSubmit } from './adaptiveCardAttachment'
import { botValue, type Prefill } from './botValue'

/**
 * "Back" (where the person can go back), "Urgent help" and "Start again" as card buttons, the same
 * actions as the suggested actions elsewhere. They ignore the card's inputs (`associatedInputs:
 * 'none'`): an unanswered required list must never stop a person reaching urgent help.
 * @example navigationActions(view, t, undefined).map((action) => action.title) // ['Urgent help', 'Start again']
 */
export function navigationActions(view: TurnView, t: Translate, prefill: Prefill | undefined): AdaptiveSubmit[] {
  const action = (title: string, kind: 'back' | 'urgent' | 'restart'): AdaptiveSubmit => ({
    type: 'Action.Submit',
    title,
    data: botValue(view.state, kind, [], prefill),
    associatedInputs: 'none',
  })
  return [
    ...(view.step.canGoBack ? [action(t('nav.back'), 'back')] : []),
    action(t('nav.urgent'), 'urgent'),
    action(t('nav.restart'), 'restart'),
  ]
}
