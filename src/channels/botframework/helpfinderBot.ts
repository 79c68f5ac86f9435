import { ActivityTypes, MessageFactory, type TurnContext } from 'botbuilder'
import type { TurnDeps } from '../shared/turnDeps'
import { asPlainText } from './asPlainText'
import { botReplies } from './botReplies'
import { botTurn, type BotInput } from './botTurn'

/**
 * The bot's turn logic: a greeting and the first question when a person joins, the next step for
 * every message. It reads only `type`, `value`, `text` (as the answer, never logged), `locale`, the
 * ids in `membersAdded` and the bot's own id; it stores nothing.
 * @example await adapter.handle(request, helpfinderBot(deps))
 */
export function helpfinderBot(deps: TurnDeps) {
  return async (context: TurnContext): Promise<void> => {
    const activity = context.activity
    const locale = typeof activity.locale === 'string' ? activity.locale : undefined
    if (activity.type === ActivityTypes.ConversationUpdate) {
      const botId = activity.recipient?.id
      if (!(activity.membersAdded ?? []).some((member) => member.id !== botId)) return
      const { view, prefill } = await botTurn(deps, { value: undefined, text: undefined, locale })
      const t = deps.translator.t(view.ui)
      const greeting = asPlainText(MessageFactory.text([t('app.tagline'), t('app.what_it_is'), t('app.stores_nothing')].join('\n\n')))
      await context.sendActivities([greeting, ...botReplies(view, t, prefill)])
      return
    }
    if (activity.type === ActivityTypes.Message) {
      const input: BotInput = { value: activity.value, text: typeof activity.text === 'string' ? activity.text : undefined, locale }
      const { view, prefill } = await botTurn(deps, input)
      await context.sendActivities(botReplies(view, deps.translator.t(view.ui), prefill))
      return
    }
    // Helpfinder answers no invokes; a plain 200 keeps channels from showing an error.
    if (activity.type === ActivityTypes.Invoke) await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 200 } })
  }
}
