import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Activity } from 'botbuilder'
import Database from 'better-sqlite3'
import * as z from 'zod'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { activity, adaptiveCardsOf, cardNodes, LOCAL_TESTING, postActivity, textOf } from './support/botClient'
import { startBotFakeChannel } from './support/botFakeChannel'
import { BOT_PERSONAS, WORDS } from './support/botPersonas'
import { captureOutput } from './support/captureOutput'
import { cardChannelClient, type CardChannel } from './support/cardChannelClient'
import { startNodeServer } from './support/startNodeServer'
import { walkPersona } from './support/walkPersona'

// Issue 17, "no server-side state (the privacy tests extend to the bot)": whole bot conversations
// as Teams and stock Web Chat send them, with the person's name, ids, address, user agent and typed
// words all carrying canaries, leave the SQLite file as it was and nothing of them in any log; the
// bot keeps no state storage at all. Real server, real SQLite file, real logs (captured, not mocked).

const CANARY = 'CANARY-BOT-9c41e2'
const USER_ID = '29:canary-user-9c41e2'
const USER_NAME = 'Canary Person 9c41e2'
const CONVERSATION_ID = 'a:canary-conversation-9c41e2'
const CANARY_IP = '203.0.113.91'
const CANARY_UA = 'CANARY-UA-9c41e2/2.0 (Windows NT 10.0) Teams/1.6'
/** Everything that must never be written; the shared fragment catches a value cut short or re-encoded. */
const SECRETS = [
  CANARY,
  USER_ID,
  USER_NAME,
  CONVERSATION_ID,
  CANARY_IP,
  CANARY_UA,
  '9c41e2',
  'canary-user',
  'canary-conversation',
  'Canary Person',
]

/** What a proxy in front of the bot would add. */
const HOSTILE_HEADERS = {
  'x-forwarded-for': `${CANARY_IP}, 198.51.100.7`,
  'x-real-ip': CANARY_IP,
  forwarded: `for=${CANARY_IP}`,
  'user-agent': CANARY_UA,
}

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')

let server: Awaited<ReturnType<typeof startNodeServer>>
let channel: Awaited<ReturnType<typeof startBotFakeChannel>>
let output: ReturnType<typeof captureOutput>
let before: Record<string, string[]>
let filesBefore: string[]
let dataVersionBefore: unknown
let liveReader: Database.Database
let posts = 0
const tokens = new Set<string>()
const conversations: { channelId: string; reached: boolean }[] = []

const TableSchema = z.object({ name: z.string() })

/** Every row of every table, sqlite_master included. */
function dumpDatabase(file: string): Record<string, string[]> {
  const db = new Database(file, { readonly: true, fileMustExist: true })
  try {
    const dump: Record<string, string[]> = {
      sqlite_master: db
        .prepare('SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name')
        .all()
        .map((row) => JSON.stringify(row)),
    }
    for (const { name } of z.array(TableSchema).parse(db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all())) {
      dump[name] = db
        .prepare(`SELECT * FROM "${name.replace(/"/g, '""')}"`)
        .all()
        .map((row) => JSON.stringify(row))
        .sort()
    }
    return dump
  } finally {
    db.close()
  }
}

/** Every sealed state the bot handed out: in the values its buttons and cards carry. */
function collectTokens(replies: readonly Activity[]) {
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const item of node) walk(item)
      return
    }
    if (typeof node !== 'object' || node === null) return
    for (const [key, value] of Object.entries(node)) {
      if (key === 'state' && typeof value === 'string') tokens.add(value)
      else walk(value)
    }
  }
  walk(replies)
}

/** One persona in one client, every identity field and header a canary, canary words typed before, during and after. */
async function canaryConversation(channelId: CardChannel, index: number) {
  const persona = BOT_PERSONAS[index % BOT_PERSONAS.length] ?? BOT_PERSONAS[0]
  if (!persona) throw new Error('no persona')
  const client = cardChannelClient({
    base: server.base,
    channelId,
    locale: persona.locale,
    identity: { userId: `${USER_ID}-${index}`, userName: USER_NAME, conversationId: `${CONVERSATION_ID}-${index}` },
    headers: HOSTILE_HEADERS,
  })
  const steps = await walkPersona(client, persona, `hi ${CANARY}`)
  const words = WORDS[persona.ui]
  // After the results: canary words alone (a new start), urgent words with a canary, urgent help tapped.
  await client.type(CANARY)
  await client.type(`I want to kill myself ${CANARY}`)
  await client.tap(words.nav.urgent)
  for (const exchange of client.exchanges) collectTokens(exchange.replies)
  posts += client.exchanges.length
  conversations.push({ channelId, reached: textOf(steps.at(-1)?.replies ?? []).includes(words.results.disclaimer) })
}

beforeAll(async () => {
  output = captureOutput()
  server = await startNodeServer({ bot: LOCAL_TESTING })
  channel = await startBotFakeChannel()
  before = dumpDatabase(server.databaseFile)
  filesBefore = readdirSync(dirname(server.databaseFile)).sort()
  liveReader = new Database(server.databaseFile, { readonly: true, fileMustExist: true })
  dataVersionBefore = liveReader.pragma('data_version', { simple: true })

  // Sixteen conversations to results: the eight personas in Teams and in stock Web Chat, two at a time.
  for (let index = 0; index < BOT_PERSONAS.length; index += 2) {
    await Promise.all(
      (['msteams', 'webchat'] as const).flatMap((channelId) => [
        canaryConversation(channelId, index),
        canaryConversation(channelId, index + 1),
      ]),
    )
  }
  // Normal delivery (replies posted to the channel's serviceUrl, the conversation id in its path), to a channel that answers and to one that does not.
  const identity = {
    from: { id: USER_ID, name: USER_NAME },
    conversation: { id: CONVERSATION_ID },
    locale: 'de-DE',
    channelId: 'msteams',
    deliveryMode: undefined,
  }
  for (const serviceUrl of [channel.serviceUrl, 'http://127.0.0.1:9/']) {
    for (const extra of [
      { type: 'conversationUpdate', membersAdded: [{ id: USER_ID, name: USER_NAME }] },
      { text: `Deutschland ${CANARY}` },
      { text: CANARY },
    ]) {
      const answer = await postActivity(
        server.base,
        activity({ ...identity, ...extra, id: `${CANARY}-${posts}`, serviceUrl }),
        HOSTILE_HEADERS,
      )
      expect([200, 201, 502]).toContain(answer.status)
      posts += 1
    }
  }
  // Channels that get one plain answer (SMS, email, Telegram) read the words and keep nothing either.
  for (const channelId of ['sms', 'email', 'telegram']) {
    const answer = await postActivity(
      server.base,
      activity({
        channelId,
        from: { id: `+49${USER_ID}`, name: USER_NAME },
        conversation: { id: CONVERSATION_ID },
        text: `help ${CANARY}`,
      }),
      HOSTILE_HEADERS,
    )
    expect(answer.status).toBe(200)
    posts += 1
  }
}, 120_000)

afterAll(async () => {
  liveReader?.close()
  await channel?.stop()
  await server?.stop()
  output?.restore()
})

describe('the bot keeps nothing about the person', () => {
  it('sixteen whole conversations (Teams and Web Chat) reached their results', () => {
    expect(conversations).toHaveLength(16)
    expect(conversations.every((conversation) => conversation.reached)).toBe(true)
    expect(channel.posts.length, 'normal delivery really posted to the channel').toBeGreaterThan(0)
  })

  it('leave every table of the SQLite file exactly as it was, and no new file beside it', () => {
    // Not vacuous: the seeded directory is in the dump.
    expect(before.initiatives?.length ?? 0).toBeGreaterThan(0)
    const after = dumpDatabase(server.databaseFile)
    expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort())
    for (const table of Object.keys(before)) expect(after[table], table).toEqual(before[table])
    expect(liveReader.pragma('data_version', { simple: true })).toBe(dataVersionBefore)
    // The -wal and -shm files come and go with SQLite itself; anything else would be new.
    const ignorable = (name: string) => /-(wal|shm|journal)$/.test(name)
    expect(
      readdirSync(dirname(server.databaseFile))
        .filter((name) => !ignorable(name))
        .sort(),
    ).toEqual(filesBefore.filter((name) => !ignorable(name)))
  })

  it('the bytes of the SQLite file (and its -wal and -shm) hold no name, id, typed word, address or user agent', () => {
    const files = [server.databaseFile, `${server.databaseFile}-wal`, `${server.databaseFile}-shm`].filter((file) => existsSync(file))
    for (const file of files) {
      const bytes = readFileSync(file)
      for (const secret of SECRETS) {
        expect(bytes.includes(Buffer.from(secret, 'utf8')), `${secret} in ${file}`).toBe(false)
        expect(bytes.includes(Buffer.from(secret, 'utf16le')), `${secret} (UTF-16) in ${file}`).toBe(false)
      }
    }
  })

  it('the privacy log has one line per request with only route, method, status and duration', () => {
    expect(server.logs).toHaveLength(posts)
    for (const line of server.logs) {
      expect(Object.keys(line).sort()).toEqual(['method', 'ms', 'route', 'status'])
      expect(line.route).toBe('/api/messages')
    }
    const text = JSON.stringify(server.logs)
    expect(SECRETS.filter((secret) => text.includes(secret))).toEqual([])
  })

  it('nothing printed to stdout or stderr holds the words, names, ids, address, user agent or a state token', () => {
    const text = output.text()
    expect(SECRETS.filter((secret) => text.includes(secret))).toEqual([])
    expect(tokens.size).toBeGreaterThan(100)
    expect([...tokens].filter((token) => text.includes(token))).toEqual([])
  })

  it('no state token carries the identity: a conversation id of 400 characters gives tokens of the same length', async () => {
    const lengths = async (conversationId: string) => {
      const client = cardChannelClient({
        base: server.base,
        channelId: 'msteams',
        locale: 'en-GB',
        identity: { conversationId, userId: `29:${conversationId}`, userName: conversationId },
      })
      const steps = await walkPersona(client, BOT_PERSONAS[1] ?? (BOT_PERSONAS[0] as never))
      return steps
        .map(
          (step) =>
            adaptiveCardsOf(step.replies.at(-1) ?? {})
              .flatMap((card) => cardNodes(card))
              .find((node) => node.type === 'Action.Submit')?.data?.state,
        )
        .map((state) => String(state).length)
    }
    const short = await lengths('a:1')
    const long = await lengths(`a:${'x'.repeat(400)}`)
    expect(short.every((length) => length > 20)).toBe(true)
    expect(long).toEqual(short)
  })
})

describe('the bot has no state storage', () => {
  const sources = (folder: string): string[] =>
    readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
      const path = join(folder, entry.name)
      return entry.isDirectory() ? sources(path) : /\.tsx?$/.test(entry.name) ? [path] : []
    })
  /** The Bot Framework SDK's state and transcript classes: any of them would keep conversations or people. */
  const STATEFUL = [
    'MemoryStorage',
    'ConversationState',
    'UserState',
    'PrivateConversationState',
    'BotState',
    'AutoSaveStateMiddleware',
    'TranscriptLoggerMiddleware',
    'MemoryTranscriptStore',
    'BlobsStorage',
    'BlobsTranscriptStore',
    'CosmosDbPartitionedStorage',
    'TableStorage',
  ]

  it('nothing in src/ imports or builds a Bot Framework storage, state or transcript class', () => {
    const files = sources(join(ROOT, 'src'))
    expect(files.length).toBeGreaterThan(50)
    const found: string[] = []
    for (const file of files) {
      const text = readFileSync(file, 'utf8')
      // Names imported from any botbuilder package (Helpfinder's own sealed ConversationState type is not one).
      for (const [, names = ''] of text.matchAll(/import\s+(?:type\s+)?\{([^}]*)\}\s+from\s+'botbuilder[^']*'/g)) {
        for (const name of names.split(',').map(
          (part) =>
            part
              .replace(/^\s*type\s+/, '')
              .split(' as ')[0]
              ?.trim() ?? '',
        ))
          if (STATEFUL.includes(name)) found.push(`${relative(ROOT, file)} imports ${name}`)
      }
      for (const name of STATEFUL)
        if (new RegExp(`new\\s+${name}\\b|\\.use\\(\\s*new\\s+${name}`).test(text)) found.push(`${relative(ROOT, file)} builds ${name}`)
      if (/from\s+'botbuilder-azure/.test(text)) found.push(`${relative(ROOT, file)} imports botbuilder-azure`)
    }
    expect(found).toEqual([])
  })

  it('no storage package for the SDK is a dependency', () => {
    const manifest = z
      .object({ dependencies: z.record(z.string(), z.string()).default({}) })
      .parse(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')))
    expect(Object.keys(manifest.dependencies).filter((name) => /^botbuilder-(azure|ai|dialogs)/.test(name))).toEqual([])
  })

  it('the check finds a storage class where there is one (so its silence above means something)', () => {
    const sample = "import { ConversationState, MemoryStorage } from 'botbuilder'\nconst state = new ConversationState(new MemoryStorage())"
    const names = [...sample.matchAll(/import\s+(?:type\s+)?\{([^}]*)\}\s+from\s+'botbuilder[^']*'/g)].flatMap((match) =>
      (match[1] ?? '').split(',').map((part) => part.trim()),
    )
    expect(names.filter((name) => STATEFUL.includes(name))).toEqual(['ConversationState', 'MemoryStorage'])
    expect(STATEFUL.filter((name) => new RegExp(`new\\s+${name}\\b`).test(sample))).toEqual(['MemoryStorage', 'ConversationState'])
  })
})
