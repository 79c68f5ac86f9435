import { ActivityTypes, type TurnContext } from 'botbuilder'
import type { TurnDeps } from '../shared/turnDeps'
import { botGreeting } from './botGreeting'
import { botReplies } from './botReplies'
import { botTurn, type BotInput } from './botTurn'
import { carriesState } from './carriesState'
import { noStateChannelReply } from './noStateChannelReply'

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
      // A channel that cannot carry the state gets its whole answer on the first message instead.
      if (!carriesState(activity.channelId)) return
      const { view, prefill } = await botTurn(deps, { value: undefined, text: undefined, locale })
      const t = deps.translator.t(view.ui)
      await context.sendActivities([botGreeting(t, 'new'), ...botReplies(view, t, prefill, activity.channelId)])
      return
    }
    if (activity.type === ActivityTypes.Message) {
      const noState = await noStateChannelReply(deps, {
        channelId: activity.channelId,
        locale,
        text: typeof activity.text === 'string' ? activity.text : undefined,
      })
      if (noState) {
        await context.sendActivities(noState)
        return
      }
      const input: BotInput = { value: activity.value, text: typeof activity.text === 'string' ? activity.text : undefined, locale }
      const { view, prefill, welcome } = await botTurn(deps, input)
      const t = deps.translator.t(view.ui)
      // Typed words without the bot's state start a new conversation: greeted like someone joining.
      await context.sendActivities([...(welcome ? [botGreeting(t, welcome)] : []), ...botReplies(view, t, prefill, activity.channelId)])
      return
    }
    // Helpfinder answers no invokes; a plain 200 keeps channels from showing an error.
    if (activity.type === ActivityTypes.Invoke) await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 200 } })
  }
}
