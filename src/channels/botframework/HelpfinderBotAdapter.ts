import { CloudAdapter, type TurnContext } from 'botbuilder'
import type { BotAuthentication } from './botConfig'
import type { BotCaller } from './botCaller'
import { botGate } from './botGate'
import type { BotMode } from './botMode'
import { inboundActivity } from './inboundActivity'
import { isLoopbackServiceUrl } from './isLoopbackServiceUrl'

/** The claim in which a Bot Framework channel's token names the serviceUrl it may be answered at. */
const SERVICE_URL_CLAIM = 'serviceurl'

/** The part of the SDK's ClaimsIdentity read here (kept in the turn state under BotIdentityKey). */
interface Claims {
  getClaimValue(claimType: string): string | null
}

/** Thrown before any reply is sent when the replies may not go where the activity says. */
class RepliesRefused extends Error {}

/**
 * The SDK's CloudAdapter behind a fetch-style `handle(Request, caller): Response`. Without
 * credentials every request gets 401; in local testing only loopback callers are answered and
 * only a loopback serviceUrl is ever called; with credentials replies are posted only where a
 * validated channel token says, over https. Bad bodies get 400, failed authentication 401/403,
 * an unreachable channel 502 — never a stack trace, never anything about the request in a log.
 * @example app.post('/', (c) => adapter.handle(c.req.raw, logic, { onLoopback: false }))
 */
export class HelpfinderBotAdapter extends CloudAdapter {
  private readonly mode: BotMode

  constructor(authentication: BotAuthentication, mode: BotMode) {
    super(authentication)
    this.mode = mode
    // The SDK's default handler logs the error and may send it to the channel: we answer with a status instead.
    this.onTurnError = async (_context, error) => {
      throw error
    }
  }

  /** Runs `logic` for the activity in the request and answers as the Bot Framework protocol expects. */
  async handle(request: Request, logic: (context: TurnContext) => Promise<void>, caller: BotCaller): Promise<Response> {
    const refused = botGate(this.mode, caller)
    if (refused) return status(refused)
    const body: unknown = await request.json().catch(() => undefined)
    const activity = inboundActivity(body)
    if (!activity) return status(400)
    // Nobody is authenticated in local testing: the bot calls nothing but a loopback origin, in any delivery mode.
    if (this.mode === 'localTesting' && !isLoopbackServiceUrl(activity.serviceUrl)) return status(403)
    let started = false
    try {
      const result = await this.processActivity(request.headers.get('authorization') ?? '', activity, async (context) => {
        started = true
        if (this.mode === 'authenticated' && !this.mayPostReplies(context)) throw new RepliesRefused()
        await logic(context)
      })
      const code = result?.status ?? 200
      return result?.body === undefined ? status(code) : Response.json(result.body, { status: code })
    } catch (error) {
      if (error instanceof RepliesRefused) return status(403)
      // Before the logic runs, only authentication can fail (a bad token may throw any kind of
      // error, not just AuthenticationError); after it, only delivering replies to the channel can.
      if (!started) return status(statusOf(error) === 403 ? 403 : 401)
      return status(502)
    }
  }

  /**
   * With credentials, replies that leave in their own requests go only to the serviceUrl a
   * validated channel token names, over https. The SDK checks that claim for channel tokens but
   * not for Emulator tokens, which carry none (and it sends the bot's own access token to any
   * serviceUrl): such a token gets its replies in the response (expectReplies) or not at all.
   */
  private mayPostReplies(context: TurnContext): boolean {
    const activity = context.activity
    if (activity.deliveryMode === 'expectReplies') return true
    const identity: Claims | undefined = context.turnState.get(this.BotIdentityKey)
    const claimed = identity?.getClaimValue(SERVICE_URL_CLAIM)
    return typeof claimed === 'string' && claimed === activity.serviceUrl && activity.serviceUrl.startsWith('https://')
  }
}

function statusOf(error: unknown): number | undefined {
  return typeof error === 'object' && error !== null && 'statusCode' in error && typeof error.statusCode === 'number'
    ? error.statusCode
    : undefined
}

function status(code: number): Response {
  return new Response(null, { status: code })
}
