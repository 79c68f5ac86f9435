import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Activity } from 'botbuilder'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildWorker } from '../scripts/buildWorker'
import { activity, button, heroCards, LOCAL_TESTING, postActivity, textOf } from './support/botClient'
import { startBotFakeChannel } from './support/botFakeChannel'
import { botSettings, startBotJwks, TEST_APP_ID } from './support/botJwks'
import { FAKE_ACCESS_TOKEN, fakeAzure } from './support/fakeAzure'
import { startWorker } from './support/startWorker'

// The Bot Framework channel in the real workerd runtime, from the bundle wrangler deploys
// (nodejs_compat, the SDK loaded on the first bot request): expectReplies, normal delivery to a
// loopback fake channel, and JWT validation against a loopback OpenID/JWKS server.
let folder = ''
let open: Awaited<ReturnType<typeof startWorker>>
let secured: Awaited<ReturnType<typeof startWorker>>
let channel: Awaited<ReturnType<typeof startBotFakeChannel>>
let jwks: Awaited<ReturnType<typeof startBotJwks>>
let azureBot: Awaited<ReturnType<typeof startWorker>>
const AZURE_CHANNEL = 'https://webchat.botframework.com/'
const azure = fakeAzure({ appId: TEST_APP_ID, password: 'the-client-secret', serviceUrl: AZURE_CHANNEL, endorsements: ['webchat'] })
const sentTokens: string[] = []

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'helpfinder-workerd-bot-'))
  const [bundle, fake, keys] = await Promise.all([buildWorker(folder), startBotFakeChannel(), startBotJwks(['webchat'])])
  channel = fake
  jwks = keys
  // The third worker has only what a helpline sets for the public cloud; its network is the fake Azure.
  const registration = { MicrosoftAppId: TEST_APP_ID, MicrosoftAppPassword: 'the-client-secret', MicrosoftAppType: 'MultiTenant' }
  const started = await Promise.allSettled([
    startWorker(bundle.outfile, { bindings: LOCAL_TESTING }),
    startWorker(bundle.outfile, { bindings: botSettings(jwks.metadataUrl) }),
    startWorker(bundle.outfile, { bindings: registration, outbound: azure.handle }),
  ])
  if (started[0].status === 'fulfilled') open = started[0].value
  if (started[1].status === 'fulfilled') secured = started[1].value
  if (started[2].status === 'fulfilled') azureBot = started[2].value
  for (const result of started) if (result.status === 'rejected') throw result.reason
}, 120_000)

afterAll(async () => {
  await Promise.all([open?.dispose(), secured?.dispose(), azureBot?.dispose(), channel?.stop(), jwks?.close()])
  if (folder) rmSync(folder, { recursive: true, force: true })
})

async function send(base: string, body: Record<string, unknown>): Promise<Activity[]> {
  const reply = await postActivity(base, activity(body))
  expect(reply.status).toBe(200)
  return reply.activities
}

describe('the Bot Framework channel on Workers', () => {
  it('expectReplies: someone in Germany worried about themselves clicks and types through to Kein Täter werden', async () => {
    let replies = await send(open.url, { type: 'conversationUpdate', membersAdded: [{ id: 'person-1' }] })
    expect(textOf(replies)).toContain('Who are you looking for help for?')
    const moves: ({ click: string } | { type: string })[] = [
      { click: 'self' },
      { click: 'adult' },
      { type: 'Deutschland' },
      { type: 'Deutsch' },
      { click: 'nothing_happened' },
      { click: 'any' },
      { click: 'not_needed' },
    ]
    for (const move of moves) {
      replies =
        'click' in move
          ? await send(open.url, { value: button(replies, move.click).value })
          : await send(open.url, { text: move.type, value: replies.at(-1)?.value })
    }
    const kein = heroCards(replies).find((card) => card.title.includes('Kein Täter werden'))
    expect(kein?.buttons?.some((action) => action.type === 'openUrl' && action.value === 'https://www.kein-taeter-werden.de')).toBe(true)
  })

  it('normal delivery: the greeting and first question are posted to the channel through the connector', async () => {
    channel.posts.length = 0
    const joined = activity({
      type: 'conversationUpdate',
      id: 'join-w',
      conversation: { id: 'conv-w' },
      membersAdded: [{ id: 'person-1' }],
      serviceUrl: channel.serviceUrl,
      deliveryMode: undefined,
    })
    const reply = await postActivity(open.url, joined)
    expect([200, 201]).toContain(reply.status)
    expect(channel.posts.map((post) => post.path)).toEqual([
      '/v3/conversations/conv-w/activities/join-w',
      '/v3/conversations/conv-w/activities/join-w',
    ])
    // The Emulator channel renders Adaptive Cards: the question is on the card.
    expect(channel.posts[1]?.body).toMatchObject({ type: 'message' })
    expect(textOf([channel.posts[1]?.body as Partial<Activity>])).toContain('Who are you looking for help for?')
  })

  it('without credentials, a non-loopback serviceUrl is refused with 403', async () => {
    const reply = await postActivity(open.url, activity({ serviceUrl: 'https://example.org/', deliveryMode: undefined, text: 'hello' }))
    expect(reply.status).toBe(403)
  })

  describe('with MicrosoftAppId and the cloud settings as Worker bindings', () => {
    const serviceurl = 'http://127.0.0.1:9/'
    const greeting = () =>
      activity({ type: 'conversationUpdate', channelId: 'webchat', serviceUrl: serviceurl, membersAdded: [{ id: 'person-1' }] })

    it('accepts a valid channel token', async () => {
      const reply = await postActivity(secured.url, greeting(), { authorization: `Bearer ${jwks.sign({ aud: TEST_APP_ID, serviceurl })}` })
      expect(reply.status).toBe(200)
      expect(textOf(reply.activities)).toContain('Who are you looking for help for?')
    })

    it.each([
      ['no Authorization header', () => ({})],
      ['a wrong audience', () => ({ authorization: `Bearer ${jwks.sign({ aud: 'someone-elses-bot', serviceurl })}` })],
      ['a tampered signature', () => ({ authorization: `Bearer ${jwks.signWithOtherKey({ aud: TEST_APP_ID, serviceurl })}` })],
      ['an expired token', () => ({ authorization: `Bearer ${jwks.sign({ aud: TEST_APP_ID, serviceurl, nbf: 1, exp: 2 })}` })],
    ])('rejects %s with 401/403', async (_name, headers) => {
      const sent: Record<string, string> = headers()
      if (sent.authorization) sentTokens.push(sent.authorization.replace('Bearer ', ''))
      const reply = await postActivity(secured.url, greeting(), sent)
      expect([401, 403]).toContain(reply.status)
      expect(reply.activities).toEqual([])
    })
  })

  it('as registered with Azure: validates the channel token, gets its own token from Azure AD and posts the replies with it', async () => {
    const joined = activity({
      type: 'conversationUpdate',
      id: 'join-a',
      channelId: 'webchat',
      conversation: { id: 'conv-a' },
      membersAdded: [{ id: 'person-1' }],
      serviceUrl: AZURE_CHANNEL,
      deliveryMode: undefined,
    })
    const token = azure.sign({ aud: TEST_APP_ID, serviceurl: AZURE_CHANNEL })
    const reply = await postActivity(azureBot.url, joined, { authorization: `Bearer ${token}` })
    expect([200, 201]).toContain(reply.status)
    const posts = azure.channelPosts()
    // Web Chat and Direct Line get new activities, not replies (the SDK sets no replyToId for them).
    expect(posts.map((post) => new URL(post.url).pathname)).toEqual([
      '/v3/conversations/conv-a/activities',
      '/v3/conversations/conv-a/activities',
    ])
    expect(posts.every((post) => post.authorization === `Bearer ${FAKE_ACCESS_TOKEN}`)).toBe(true)
    const question: Partial<Activity> = JSON.parse(posts[1]?.body ?? '{}')
    expect(question).toMatchObject({ type: 'message' })
    expect(textOf([question])).toContain('Who are you looking for help for?')
    // The client credentials went to Azure AD's token endpoint, and nowhere else.
    const secretHolders = azure.requests.filter((request) => request.body.includes('the-client-secret'))
    expect(secretHolders.map((request) => new URL(request.url).pathname)).toEqual(['/botframework.com/oauth2/v2.0/token'])
  })

  it('as registered with Azure: a token for another bot is refused and nothing is posted', async () => {
    const before = azure.channelPosts().length
    const joined = activity({
      type: 'conversationUpdate',
      channelId: 'webchat',
      membersAdded: [{ id: 'person-1' }],
      serviceUrl: AZURE_CHANNEL,
      deliveryMode: undefined,
    })
    const reply = await postActivity(azureBot.url, joined, {
      authorization: `Bearer ${azure.sign({ aud: 'another-bot', serviceurl: AZURE_CHANNEL })}`,
    })
    expect([401, 403]).toContain(reply.status)
    expect(azure.channelPosts().length).toBe(before)
  })

  it('logs neither the typed text nor a token', () => {
    const logs = [...open.logs, ...secured.logs, ...azureBot.logs].join('\n')
    expect(logs).not.toContain('the-client-secret')
    expect(logs).not.toContain(FAKE_ACCESS_TOKEN)
    expect(logs).not.toContain('Deutschland')
    // The SDK writes its own line when a token fails (the reason and the public keys): never the token.
    for (const token of sentTokens) expect(logs).not.toContain(token.split('.')[2]?.slice(0, 40))
    expect(logs).toContain('"route":"/api/messages"')
  })
})
