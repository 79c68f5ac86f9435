import { execFile, spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { serve } from '@hono/node-server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { isLoopbackAddress } from '../../src/channels/botframework/isLoopbackAddress'
import { isLoopbackServiceUrl } from '../../src/channels/botframework/isLoopbackServiceUrl'
import { generateKeyring } from '../../src/core/state/keyring'
import { createNodeApp } from '../../src/runtime/createNodeApp'
import { activity, LOCAL_TESTING, postActivity, textOf } from '../support/botClient'
import { startBotFakeChannel } from '../support/botFakeChannel'
import { botSettings, startBotJwks, TEST_APP_ID } from '../support/botJwks'
import { EMULATOR_ISSUER } from '../support/fakeAzure'
import { startNodeServer } from '../support/startNodeServer'

// Finding (security review, medium): without a Microsoft app id, /api/messages answered anyone,
// even with an `alg:none` bearer token, and posted its replies to whatever serviceUrl the caller
// named: {"type":"message","serviceUrl":"http://127.0.0.1:19199/exact/path?x=", …} made the server
// send POST /exact/path/v3/conversations/c/activities/a1?x= to a local port (200 vs 502 revealed
// open ports). Replayed here on real loopback servers, with a loopback listener that counts every
// request the bot makes to it.
//
// What we settle on: with no credentials the endpoint is off (401, for everyone). BOT_LOCAL_TESTING=on
// answers loopback callers only, and the bot then calls nothing but the bare origin of a loopback
// address, written canonically (`http://127.0.0.1:PORT` or with one `/`): any path, query,
// userinfo, other spelling or other host gets 403 before any outbound call, in every delivery mode.
// So the `/exact/path?x=` replay never reaches the listener, opted in or not. With credentials,
// replies are posted only to the https serviceUrl a validated channel token names.

type NodeServer = Awaited<ReturnType<typeof startNodeServer>>
type Channel = Awaited<ReturnType<typeof startBotFakeChannel>>

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url')
/** An unsigned token, as the review sent it: `alg: none`, claims that would suit any check. */
const algNone = (claims: Record<string, unknown>) =>
  `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url({ iss: 'https://api.botframework.com', aud: TEST_APP_ID, exp: Math.floor(Date.now() / 1000) + 600, ...claims })}.`

/** The review's replay, aimed at this test's listener instead of port 19199. */
const replay = (channel: Channel) => ({
  type: 'message',
  id: 'a1',
  channelId: 'emulator',
  serviceUrl: `${channel.serviceUrl}exact/path?x=`,
  conversation: { id: 'c' },
  from: { id: 'u' },
  recipient: { id: 'b' },
  text: 'hello',
})

/** serviceUrls that must never be called in local testing; `PORT` is the listener's. */
const tricks = [
  'https://example.org/',
  'http://127.0.0.1.nip.io:PORT/',
  'http://[::ffff:127.0.0.1]:PORT/',
  'http://localhost.evil:PORT/',
  'http://127.0.0.1@evil.example:PORT/',
  'http://user@127.0.0.1:PORT/',
  'HTTP://LOCALHOST:PORT/',
  'http://127.0.0.1.:PORT/',
  'http://localhost.:PORT/',
  'http://0x7f.1:PORT/',
  'http://127.1:PORT/',
  'http://127.0.0.1:PORT/exact/path?x=',
  'http://127.0.0.1:PORT/?x=',
  'http://127.0.0.1:PORT/#x',
  'http://127.0.0.1:PORT//',
]

describe('what counts as loopback', () => {
  it('a serviceUrl: only the bare, canonical origin of localhost, 127.0.0.0/8 or [::1]', () => {
    for (const url of [
      'http://localhost:3978',
      'http://localhost:3978/',
      'http://127.0.0.1:9/',
      'http://127.8.9.10:3978',
      'http://[::1]:3978/',
      'https://localhost:8443',
    ])
      expect(isLoopbackServiceUrl(url), url).toBe(true)
    for (const trick of [
      ...tricks.map((url) => url.replace('PORT', '3978')),
      'ftp://127.0.0.1/',
      'http://127.0.0.1:3978\\@evil.example/',
      'http://localhost:3978/v3',
      'not a url',
      '',
    ])
      expect(isLoopbackServiceUrl(trick), trick).toBe(false)
  })

  it("a socket's peer address: 127.0.0.0/8 and ::1, also as a dual-stack socket reports them", () => {
    for (const address of ['127.0.0.1', '127.1.2.3', '::1', '::ffff:127.0.0.1']) expect(isLoopbackAddress(address), address).toBe(true)
    for (const address of [
      undefined,
      '',
      '10.0.0.1',
      '192.0.2.2',
      '::ffff:10.0.0.1',
      'fe80::1',
      '::',
      '0.0.0.0',
      '127.0.0.1.evil',
      'x127.0.0.1',
    ])
      expect(isLoopbackAddress(address), String(address)).toBe(false)
  })
})

describe('without credentials and without BOT_LOCAL_TESTING: the bot is off', () => {
  let server: NodeServer
  let channel: Channel
  beforeAll(async () => {
    channel = await startBotFakeChannel()
    server = await startNodeServer({ bot: {} })
  })
  afterAll(async () => {
    await server.stop()
    await channel.stop()
  })

  it('says so at start-up, in one line, with what to set', () => {
    const lines = server.warnings.filter((line) => line.includes('/api/messages'))
    expect(lines).toHaveLength(1)
    expect(lines[0]).toContain('is off (401 for every request)')
    expect(lines[0]).toContain('no MicrosoftAppId is set')
    expect(lines[0]).toContain('BOT_LOCAL_TESTING=on')
  })

  it.each([
    ['a plain activity (expectReplies)', () => activity(), () => ({})],
    [
      'a plain activity in normal delivery to a loopback channel',
      () => activity({ serviceUrl: channel.serviceUrl, deliveryMode: undefined, text: 'hello' }),
      () => ({}),
    ],
    [
      'an alg:none bearer token',
      () => activity({ serviceUrl: channel.serviceUrl, deliveryMode: undefined }),
      () => ({ authorization: `Bearer ${algNone({ serviceurl: channel.serviceUrl })}` }),
    ],
    ["the review's /exact/path?x= replay", () => replay(channel), () => ({})],
    ["the review's replay with an alg:none token", () => replay(channel), () => ({ authorization: `Bearer ${algNone({})}` })],
  ])('refuses %s with 401 and calls nothing', async (_name, body, headers) => {
    const reply = await postActivity(server.base, body(), headers())
    expect(reply.status).toBe(401)
    expect(reply.activities).toEqual([])
    expect(channel.posts).toHaveLength(0)
  })
})

describe('BOT_LOCAL_TESTING=on without credentials: loopback only', () => {
  let server: NodeServer
  let channel: Channel
  beforeAll(async () => {
    channel = await startBotFakeChannel()
    server = await startNodeServer({ bot: LOCAL_TESTING })
  })
  afterAll(async () => {
    await server.stop()
    await channel.stop()
  })

  it('warns loudly at start-up that the endpoint is unauthenticated and must never be deployed', () => {
    const lines = server.warnings.filter((line) => line.includes('/api/messages'))
    expect(lines).toHaveLength(1)
    expect(lines[0]).toContain('UNAUTHENTICATED')
    expect(lines[0]).toContain('loopback callers only')
    expect(lines[0]).toContain('NEVER deploy like this')
    expect(lines[0]).toContain('reverse proxy')
  })

  it('answers a loopback caller with expectReplies', async () => {
    const reply = await postActivity(server.base, activity({ type: 'conversationUpdate', membersAdded: [{ id: 'person-1' }] }))
    expect(reply.status).toBe(200)
    // The Emulator channel gets Adaptive Cards: the question is on the card (textOf reads it).
    expect(textOf(reply.activities)).toContain('Who are you looking for help for?')
  })

  it('posts replies in normal delivery to a loopback channel at its bare origin', async () => {
    channel.posts.length = 0
    const reply = await postActivity(
      server.base,
      activity({
        type: 'conversationUpdate',
        id: 'join-1',
        conversation: { id: 'c' },
        membersAdded: [{ id: 'person-1' }],
        serviceUrl: channel.serviceUrl,
        deliveryMode: undefined,
      }),
    )
    expect(reply.status).toBe(200)
    expect(channel.posts.map((post) => post.path)).toEqual([
      '/v3/conversations/c/activities/join-1',
      '/v3/conversations/c/activities/join-1',
    ])
    channel.posts.length = 0
  })

  it("refuses the review's /exact/path?x= replay with 403 and never reaches the listener", async () => {
    const reply = await postActivity(server.base, replay(channel))
    expect(reply.status).toBe(403)
    expect(channel.posts).toHaveLength(0)
  })

  it.each(tricks.flatMap((trick) => [[trick, 'normal'] as const, [trick, 'expectReplies'] as const]))(
    'refuses serviceUrl %s (%s delivery) with 403 and calls nothing',
    async (trick, mode) => {
      const serviceUrl = trick.replace('PORT', new URL(channel.serviceUrl).port)
      const reply = await postActivity(
        server.base,
        activity({ serviceUrl, deliveryMode: mode === 'normal' ? undefined : 'expectReplies', text: 'hello' }),
      )
      expect(reply.status).toBe(403)
      expect(reply.activities).toEqual([])
      expect(channel.posts).toHaveLength(0)
    },
  )
})

describe('with credentials', () => {
  let jwks: Awaited<ReturnType<typeof startBotJwks>>
  let server: NodeServer
  let channel: Channel
  beforeAll(async () => {
    jwks = await startBotJwks(['webchat'])
    channel = await startBotFakeChannel()
    server = await startNodeServer({ bot: { ...botSettings(jwks.metadataUrl), ...LOCAL_TESTING } })
  })
  afterAll(async () => {
    await server.stop()
    await channel.stop()
    await jwks.close()
  })
  const now = () => Math.floor(Date.now() / 1000)
  /** A token like the Emulator's: issued by Azure AD for this bot, with no serviceurl claim. */
  const emulatorToken = () => jwks.sign({ iss: EMULATOR_ISSUER, aud: TEST_APP_ID, appid: TEST_APP_ID, ver: '1.0', nbf: now() - 60 })

  it('BOT_LOCAL_TESTING is ignored, and the start-up line says so', async () => {
    expect(server.warnings.filter((line) => line.includes('BOT_LOCAL_TESTING'))).toEqual([
      expect.stringContaining('ignored because MicrosoftAppId is set'),
    ])
    const reply = await postActivity(server.base, activity({ channelId: 'webchat' }))
    expect(reply.status).toBe(401)
  })

  it('refuses an alg:none token', async () => {
    const reply = await postActivity(
      server.base,
      activity({ channelId: 'webchat', serviceUrl: channel.serviceUrl, deliveryMode: undefined }),
      { authorization: `Bearer ${algNone({ serviceurl: channel.serviceUrl })}` },
    )
    expect(reply.status).toBe(401)
    expect(channel.posts).toHaveLength(0)
  })

  it("refuses a channel token whose serviceurl claim is not the activity's serviceUrl (checked by the SDK)", async () => {
    const token = jwks.sign({ aud: TEST_APP_ID, serviceurl: 'https://webchat.botframework.com/' })
    const reply = await postActivity(
      server.base,
      activity({ channelId: 'webchat', serviceUrl: channel.serviceUrl, deliveryMode: undefined }),
      { authorization: `Bearer ${token}` },
    )
    expect(reply.status).toBe(401)
    expect(channel.posts).toHaveLength(0)
  })

  it('answers an Emulator token (no serviceurl claim) in the response only: normal delivery is refused with 403', async () => {
    const answered = await postActivity(
      server.base,
      activity({ channelId: 'webchat', type: 'conversationUpdate', membersAdded: [{ id: 'person-1' }] }),
      { authorization: `Bearer ${emulatorToken()}` },
    )
    expect(answered.status).toBe(200)
    expect(answered.activities.length).toBeGreaterThan(0)
    const steered = await postActivity(
      server.base,
      activity({ channelId: 'webchat', serviceUrl: channel.serviceUrl, deliveryMode: undefined, text: 'hello' }),
      { authorization: `Bearer ${emulatorToken()}` },
    )
    expect(steered.status).toBe(403)
    expect(channel.posts).toHaveLength(0)
  })

  it('does not post to a serviceUrl a channel token names when it is not https', async () => {
    const token = jwks.sign({ aud: TEST_APP_ID, serviceurl: channel.serviceUrl, nbf: now() - 60 })
    const reply = await postActivity(
      server.base,
      activity({ channelId: 'webchat', serviceUrl: channel.serviceUrl, deliveryMode: undefined, text: 'hello' }),
      { authorization: `Bearer ${token}` },
    )
    expect(reply.status).toBe(403)
    expect(channel.posts).toHaveLength(0)
  })
})

// A caller that is not on loopback: a network namespace of this test's own, joined to the root
// namespace by a veth pair with addresses from 10.0.0.0/8 used for this pair only, inside this
// machine. The server listens on the veth address (and, the same app, on 127.0.0.1).
const netnsUnavailable =
  process.getuid?.() !== 0
    ? 'not root'
    : spawnSync('ip', ['netns', 'list'], { stdio: 'ignore' }).status !== 0
      ? '`ip netns` is not available'
      : undefined
const run = promisify(execFile)

describe.skipIf(netnsUnavailable !== undefined)(
  `a caller that is not on loopback (network namespace)${netnsUnavailable ? ` — skipped: ${netnsUnavailable}` : ''}`,
  () => {
    const tag = `${process.pid % 100000}`
    const namespace = `hfbot${tag}`
    const [hostSide, nsSide] = [`hfb${tag}a`, `hfb${tag}b`]
    const subnet = `10.${200 + (process.pid % 50)}.${(process.pid >> 6) % 256}`
    const [hostAddress, nsAddress] = [`${subnet}.1`, `${subnet}.2`]
    const folders: string[] = []
    const servers: { close(): void }[] = []
    const closers: (() => void)[] = []
    let channel: Channel
    const bases = { open: { veth: '', loopback: '' }, off: { veth: '', loopback: '' } }

    async function listen(fetch: (request: Request) => Response | Promise<Response>, hostname: string): Promise<string> {
      const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
        const started = serve({ fetch, port: 0, hostname }, () => resolve(started))
      })
      servers.push(server)
      return `http://${hostname}:${(server.address() as AddressInfo).port}`
    }

    /** One app (one bot configuration) served on the veth address and on loopback. */
    async function startOn(bot: Record<string, string>) {
      const folder = mkdtempSync(join(tmpdir(), 'helpfinder-'))
      folders.push(folder)
      const { app, close } = await createNodeApp({
        databaseFile: join(folder, 'helpfinder.sqlite'),
        keyring: await generateKeyring(),
        log: () => {},
        bot,
      })
      closers.push(close)
      return { veth: await listen(app.fetch, hostAddress), loopback: await listen(app.fetch, '127.0.0.1') }
    }

    /** POSTs from inside the namespace with Node's own fetch; returns the status. */
    async function postFromNamespace(url: string, body: unknown, headers: Record<string, string> = {}): Promise<number> {
      const script = `fetch(process.argv[1], { method: 'POST', headers: JSON.parse(process.argv[3]), body: process.argv[2] }).then((r) => process.stdout.write(String(r.status)), (e) => { process.stdout.write('error ' + e.message); process.exitCode = 1 })`
      const { stdout } = await run(
        'ip',
        [
          'netns',
          'exec',
          namespace,
          process.execPath,
          '-e',
          script,
          url,
          JSON.stringify(body),
          JSON.stringify({ 'content-type': 'application/json', ...headers }),
        ],
        { timeout: 20_000 },
      )
      return Number(stdout)
    }

    beforeAll(async () => {
      const ip = (...args: string[]) => run('ip', args)
      await ip('netns', 'add', namespace)
      await ip('link', 'add', hostSide, 'type', 'veth', 'peer', 'name', nsSide)
      await ip('link', 'set', nsSide, 'netns', namespace)
      await ip('addr', 'add', `${hostAddress}/30`, 'dev', hostSide)
      await ip('link', 'set', hostSide, 'up')
      await ip('netns', 'exec', namespace, 'ip', 'addr', 'add', `${nsAddress}/30`, 'dev', nsSide)
      await ip('netns', 'exec', namespace, 'ip', 'link', 'set', nsSide, 'up')
      await ip('netns', 'exec', namespace, 'ip', 'link', 'set', 'lo', 'up')
      channel = await startBotFakeChannel()
      bases.open = await startOn(LOCAL_TESTING)
      bases.off = await startOn({})
    }, 60_000)

    afterAll(async () => {
      // Runs even when beforeAll failed half-way: every step is tried on its own.
      for (const server of servers) server.close()
      for (const close of closers) close()
      for (const folder of folders) rmSync(folder, { recursive: true, force: true })
      await channel?.stop()
      await run('ip', ['netns', 'del', namespace]).catch(() => undefined)
      await run('ip', ['link', 'del', hostSide]).catch(() => undefined)
    })

    it('the namespace really is another host to the server: it reaches the veth address, not loopback', async () => {
      const { stdout } = await run('ip', ['netns', 'exec', namespace, 'ip', '-br', 'addr'])
      expect(stdout).toContain(nsAddress)
      expect(await postFromNamespace(`${bases.open.loopback}/api/messages`, activity()).catch(() => 'unreachable')).toBe('unreachable')
    })

    it('with BOT_LOCAL_TESTING=on: 403 from the namespace, 200 for the same request from loopback', async () => {
      const body = activity({ type: 'conversationUpdate', membersAdded: [{ id: 'person-1' }] })
      expect(await postFromNamespace(`${bases.open.veth}/api/messages`, body)).toBe(403)
      expect(await postFromNamespace(`${bases.open.veth}/api/messages`, body, { authorization: `Bearer ${algNone({})}` })).toBe(403)
      expect((await postActivity(bases.open.loopback, body)).status).toBe(200)
    })

    it('with BOT_LOCAL_TESTING=on: a forged X-Forwarded-For or Forwarded header does not make the namespace loopback', async () => {
      const body = activity()
      expect(
        await postFromNamespace(`${bases.open.veth}/api/messages`, body, {
          'x-forwarded-for': '127.0.0.1',
          forwarded: 'for=127.0.0.1',
          'x-real-ip': '127.0.0.1',
        }),
      ).toBe(403)
    })

    it('with BOT_LOCAL_TESTING=on: the replay from the namespace toward a loopback channel calls nothing', async () => {
      expect(await postFromNamespace(`${bases.open.veth}/api/messages`, replay(channel))).toBe(403)
      expect(
        await postFromNamespace(
          `${bases.open.veth}/api/messages`,
          activity({ serviceUrl: channel.serviceUrl, deliveryMode: undefined, text: 'hello' }),
        ),
      ).toBe(403)
      expect(channel.posts).toHaveLength(0)
    })

    it('a connection from this machine to its own veth address is not loopback either', async () => {
      expect((await postActivity(bases.open.veth, activity())).status).toBe(403)
    })

    it('without credentials or opt-in: 401 from the namespace and from loopback', async () => {
      expect(await postFromNamespace(`${bases.off.veth}/api/messages`, activity())).toBe(401)
      expect((await postActivity(bases.off.loopback, activity())).status).toBe(401)
      expect(channel.posts).toHaveLength(0)
    })
  },
)
