import { CloudAdapter, type TurnContext } from 'botbuilder'
import type { BotAuthentication } from './botConfig'
import { inboundActivity } from './inboundActivity'

/** Loopback hosts a bot without credentials may send replies to (the Emulator runs there). */
const LOOPBACK = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])$/

/**
 * The SDK's CloudAdapter behind a fetch-style `handle(Request): Response`. Bad bodies get 400,
 * failed authentication 401/403 and an unreachable channel 502 — never a stack trace, never
 * anything about the request in a log.
 * @example app.post('/', (c) => adapter.handle(c.req.raw, logic))
 */
export class HelpfinderBotAdapter extends CloudAdapter {
  private readonly openForLocalUse: boolean

  constructor(authentication: BotAuthentication, options: { openForLocalUse: boolean }) {
    super(authentication)
    this.openForLocalUse = options.openForLocalUse
    // The SDK's default handler logs the error and may send it to the channel: we answer with a status instead.
    this.onTurnError = async (_context, error) => {
      throw error
    }
  }

  /** Runs `logic` for the activity in the request and answers as the Bot Framework protocol expects. */
  async handle(request: Request, logic: (context: TurnContext) => Promise<void>): Promise<Response> {
    const body: unknown = await request.json().catch(() => undefined)
    const activity = inboundActivity(body)
    if (!activity) return status(400)
    if (this.openForLocalUse && activity.deliveryMode !== 'expectReplies' && !LOOPBACK.test(new URL(activity.serviceUrl).hostname)) {
      // Without credentials nobody is authenticated, so replies go to loopback only: no open relay.
      return status(403)
    }
    let started = false
    try {
      const result = await this.processActivity(request.headers.get('authorization') ?? '', activity, async (context) => {
        started = true
        await logic(context)
      })
      const code = result?.status ?? 200
      return result?.body === undefined ? status(code) : Response.json(result.body, { status: code })
    } catch (error) {
      // Before the logic runs, only authentication can fail (a bad token may throw any kind of
      // error, not just AuthenticationError); after it, only delivering replies to the channel can.
      if (!started) return status(statusOf(error) === 403 ? 403 : 401)
      return status(502)
    }
  }
}

function statusOf(error: unknown): number | undefined {
  return typeof error === 'object' && error !== null && 'statusCode' in error && typeof error.statusCode === 'number' ? error.statusCode : undefined
}

function status(code: number): Response {
  return new Response(null, { status: code })
}
