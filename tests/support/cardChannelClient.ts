import type { Activity } from 'botbuilder'
import { adaptiveCardsOf, cardNodes, postActivity } from './botClient'

/** The channels whose stock clients render the bot's Adaptive Cards and send their data back. */
export type CardChannel = 'msteams' | 'directline' | 'webchat'

/** Who is talking, as the channel names them: every field here is something the bot must never keep. */
export interface ChannelIdentity {
  userId: string
  userName: string
  conversationId: string
}

export interface CardChannelOptions {
  base: string
  channelId: CardChannel
  /** The client's locale, on every activity (Teams: the client's language; Web Chat: its `locale`). */
  locale: string
  identity?: Partial<ChannelIdentity>
  /** Extra HTTP headers on every POST (what a proxy in front would add). */
  headers?: Record<string, string>
}

/** A card element or action, with the fields a client reads to render and submit it. */
type Node = ReturnType<typeof cardNodes>[number] & {
  isRequired?: boolean
  value?: string
  isMultiSelect?: boolean
  associatedInputs?: string
}

/** One POST and the bot's answer to it, for measuring. */
export interface Exchange {
  sent: Record<string, unknown>
  replies: Activity[]
  ms: number
}

const BOT = {
  msteams: { id: '28:helpfinder-bot-app-id', name: 'Helpfinder' },
  directline: { id: 'helpfinder-bot', name: 'Helpfinder' },
  webchat: { id: 'helpfinder-bot', name: 'Helpfinder' },
} as const

/**
 * A person in a stock card client, reduced to what the client sends: Teams, a Direct Line app (the
 * Adaptive Cards SDK) or Web Chat without any middleware. It installs the bot (conversationUpdate
 * with the bot and the person in membersAdded), types text (a message with `text` and nothing else),
 * taps a button or a tappable box (an `Action.Submit`: a message whose `value` is the action's `data`
 * merged with the card's inputs by id, and no text, as Teams sends it without messageBack), chooses
 * entries of a card's list (an `Input.ChoiceSet`'s value: the chosen values joined by commas) and
 * refuses to submit a required list left empty, as the clients do. Replies come back in the
 * response (expectReplies), so every turn is one HTTP exchange with the real server.
 * @example const teams = cardChannelClient({ base, channelId: 'msteams', locale: 'de-DE' }); await teams.install(); await teams.tap('Für mich, wegen meiner eigenen Gedanken oder meines Verhaltens')
 */
export function cardChannelClient(options: CardChannelOptions) {
  const identity: ChannelIdentity = {
    userId: '29:1f-person',
    userName: 'Person',
    conversationId: `a:conversation-${Math.random().toString(36).slice(2)}`,
    ...options.identity,
  }
  const exchanges: Exchange[] = []
  let latest: Activity[] = []
  let inputs: Record<string, string> = {}
  let counter = 0

  const envelope = (): Record<string, unknown> => {
    counter += 1
    const now = new Date().toISOString()
    const common = {
      id: `${options.channelId}-${counter}`,
      timestamp: now,
      localTimestamp: now,
      channelId: options.channelId,
      // Local testing answers loopback channels only (Teams' own serviceUrl is https://smba.trafficmanager.net/…).
      serviceUrl: 'http://127.0.0.1:9/',
      from: { id: identity.userId, name: identity.userName },
      recipient: BOT[options.channelId],
      locale: options.locale,
      deliveryMode: 'expectReplies',
    }
    if (options.channelId !== 'msteams') return { ...common, conversation: { id: identity.conversationId } }
    const tenant = { id: '00000000-0000-0000-0000-0000000000aa' }
    return {
      ...common,
      from: { ...common.from, aadObjectId: '00000000-0000-0000-0000-000000000001' },
      conversation: { id: identity.conversationId, conversationType: 'personal', tenantId: tenant.id },
      entities: [
        {
          type: 'clientInfo',
          locale: options.locale,
          country: options.locale.split('-')[1] ?? 'US',
          platform: 'Web',
          timezone: 'Europe/Berlin',
        },
      ],
      channelData: { tenant },
    }
  }

  async function send(activity: Record<string, unknown>): Promise<Activity[]> {
    const started = performance.now()
    const answer = await postActivity(options.base, activity, options.headers)
    const ms = performance.now() - started
    if (answer.status !== 200) throw new Error(`the bot answered ${answer.status} to ${JSON.stringify(activity).slice(0, 300)}`)
    exchanges.push({ sent: activity, replies: answer.activities, ms })
    latest = answer.activities
    inputs = {}
    return latest
  }

  /** The cards of the latest answer, last first: a person acts on what the bot just sent. */
  const latestCards = () => [...latest].reverse().flatMap((activity) => adaptiveCardsOf(activity))

  /** The value the client sends for a submit action on this card: its data, merged with the card's inputs unless it asks for none. */
  function submitted(card: ReturnType<typeof adaptiveCardsOf>[number], action: Node): Record<string, unknown> {
    const data = typeof action.data === 'object' && action.data !== null ? action.data : {}
    if (action.associatedInputs === 'none') return { ...data }
    const merged: Record<string, string> = {}
    for (const input of cardNodes(card) as Node[]) {
      if (!input.type?.startsWith('Input.') || !input.id) continue
      const value = inputs[input.id] ?? input.value ?? ''
      if (input.isRequired && value === '') throw new Error(`the client refuses to send: ${input.id} is required and empty`)
      merged[input.id] = value
    }
    return { ...data, ...merged }
  }

  function reply(extra: Record<string, unknown>) {
    const base = envelope()
    const channelData = {
      ...(base.channelData as Record<string, unknown> | undefined),
      ...(extra.channelData as Record<string, unknown> | undefined),
    }
    return { type: 'message', ...base, ...extra, ...(Object.keys(channelData).length > 0 ? { channelData } : {}) }
  }

  return {
    identity,
    /** Every exchange so far: what was posted, the replies, and how long the bot took. */
    exchanges,
    /** The bot's latest answer. */
    get replies(): Activity[] {
      return latest
    },

    /** The bot is added to a personal chat (Teams) or a conversation starts (Direct Line). */
    install: () =>
      send({
        ...envelope(),
        type: 'conversationUpdate',
        membersAdded: [BOT[options.channelId], { id: identity.userId, name: identity.userName }],
      }),

    /** Words typed and sent: text only, as every stock client sends them. */
    type: (text: string) => send(reply({ text, textFormat: 'plain' })),

    /** Taps the button or tappable box with this title on the latest answer's cards. */
    async tap(title: string): Promise<Activity[]> {
      for (const card of latestCards()) {
        const action = (cardNodes(card) as Node[]).find((node) => node.type === 'Action.Submit' && node.title === title)
        if (!action) continue
        const replyToId = latest.at(-1)?.id
        const teams =
          options.channelId === 'msteams' ? { channelData: { source: { name: 'message' }, legacy: { replyToId } }, replyToId } : {}
        const webchat = options.channelId === 'webchat' ? { channelData: { postBack: true } } : {}
        return send(reply({ value: submitted(card, action), ...teams, ...webchat }))
      }
      const titles = latestCards().flatMap((card) =>
        (cardNodes(card) as Node[]).filter((node) => node.type === 'Action.Submit').map((node) => node.title),
      )
      throw new Error(`no button "${title}" on the latest cards: ${titles.join(' | ')}`)
    },

    /** Chooses entries (by value) in the latest question card's list; a later tap on its submit button sends them. */
    choose(values: readonly string[], id = 'reply') {
      const list = latestCards()
        .flatMap((card) => cardNodes(card) as Node[])
        .find((node) => node.type === 'Input.ChoiceSet' && node.id === id)
      if (!list) throw new Error(`no list "${id}" on the latest cards`)
      const offered = new Set((list.choices ?? []).map((choice) => choice.value))
      for (const value of values) if (!offered.has(value)) throw new Error(`"${value}" is not in the list "${id}"`)
      if (values.length > 1 && !list.isMultiSelect) throw new Error(`the list "${id}" takes one choice`)
      inputs = { ...inputs, [id]: values.join(',') }
    },

    /** The latest question card's list, as the client renders it. */
    list(id = 'reply'): Node | undefined {
      return latestCards()
        .flatMap((card) => cardNodes(card) as Node[])
        .find((node) => node.type === 'Input.ChoiceSet' && node.id === id)
    },
  }
}

export type CardChannelClient = ReturnType<typeof cardChannelClient>
