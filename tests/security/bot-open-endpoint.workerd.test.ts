import { mkdtempSync, rmSync } from 'node:fs'
import { request as httpRequest } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildWorker } from '../../scripts/buildWorker'
import { activity, LOCAL_TESTING, postActivity, textOf } from '../support/botClient'
import { startBotFakeChannel } from '../support/botFakeChannel'
import { TEST_APP_ID } from '../support/botJwks'
import { EMULATOR_ISSUER, FAKE_ACCESS_TOKEN, fakeAzure } from '../support/fakeAzure'
import { startWorker } from '../support/startWorker'

// The bot endpoint finding (see bot-open-endpoint.test.ts) on Workers, in real workerd from the
// bundle wrangler deploys: no credentials → 401 without even loading the SDK; BOT_LOCAL_TESTING=on →
// loopback only, where "loopback" means the request's own URL names a loopback host (Cloudflare's
// edge never routes such a host to a Worker) and a `cf-connecting-ip` that is not loopback refuses;
// with credentials, replies go only where a validated channel token says, over https. Here the
// SDK's gap is replayed: an Emulator token carries no serviceurl claim, the SDK checks none, and
// it posts the replies, with the bot's own Azure AD token, to any serviceUrl.
let folder = ''
let off: Awaited<ReturnType<typeof startWorker>>
let local: Awaited<ReturnType<typeof startWorker>>
let azureBot: Awaited<ReturnType<typeof startWorker>>
let channel: Awaited<ReturnType<typeof startBotFakeChannel>>
const AZURE_CHANNEL = 'https://webchat.botframework.com/'
const ATTACKER = 'https://attacker.example/'
const azure = fakeAzure({ appId: TEST_APP_ID, password: 'the-client-secret', serviceUrl: AZURE_CHANNEL, endorsements: ['webchat'] })

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'helpfinder-workerd-bot-security-'))
  const [bundle, fake] = await Promise.all([buildWorker(folder), startBotFakeChannel()])
  channel = fake
  const registration = {
    MicrosoftAppId: TEST_APP_ID,
    MicrosoftAppPassword: 'the-client-secret',
    MicrosoftAppType: 'MultiTenant',
    ...LOCAL_TESTING,
  }
  const started = await Promise.allSettled([
    startWorker(bundle.outfile),
    startWorker(bundle.outfile, { bindings: LOCAL_TESTING }),
    startWorker(bundle.outfile, { bindings: registration, outbound: azure.handle }),
  ])
  if (started[0].status === 'fulfilled') off = started[0].value
  if (started[1].status === 'fulfilled') local = started[1].value
  if (started[2].status === 'fulfilled') azureBot = started[2].value
  for (const result of started) if (result.status === 'rejected') throw result.reason
}, 120_000)

afterAll(async () => {
  await Promise.all([off?.dispose(), local?.dispose(), azureBot?.dispose(), channel?.stop()])
  if (folder) rmSync(folder, { recursive: true, force: true })
})

/** A POST with a Host header of our choosing (fetch will not send one), as a request for a public hostname arrives. */
function postWithHost(url: string, host: string, body: unknown): Promise<number> {
  return new Promise((resolve, reject) => {
    const sent = httpRequest(url, { method: 'POST', headers: { host, 'content-type': 'application/json' } }, (response) => {
      response.resume()
      response.on('end', () => resolve(response.statusCode ?? 0))
    })
    sent.on('error', reject)
    sent.end(JSON.stringify(body))
  })
}

describe('the bot endpoint on Workers', () => {
  it('without credentials: 401 for a plain activity, an alg:none token and the replay, and nothing is posted', async () => {
    const none = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${Buffer.from(JSON.stringify({ aud: TEST_APP_ID, serviceurl: channel.serviceUrl })).toString('base64url')}.`
    const replay = {
      type: 'message',
      id: 'a1',
      channelId: 'emulator',
      serviceUrl: `${channel.serviceUrl}exact/path?x=`,
      conversation: { id: 'c' },
      text: 'hello',
    }
    expect((await postActivity(off.url, activity())).status).toBe(401)
    expect(
      (
        await postActivity(off.url, activity({ serviceUrl: channel.serviceUrl, deliveryMode: undefined }), {
          authorization: `Bearer ${none}`,
        })
      ).status,
    ).toBe(401)
    expect((await postActivity(off.url, replay)).status).toBe(401)
    expect(channel.posts).toHaveLength(0)
  })

  it('without credentials: says once per isolate that the bot is off and why', async () => {
    await postActivity(off.url, activity())
    await expect.poll(() => off.logs.filter((line) => line.includes('/api/messages is off')).length).toBe(1)
    const line = off.logs.find((entry) => entry.includes('/api/messages is off')) ?? ''
    expect(line).toContain('no MicrosoftAppId is set')
    expect(line).toContain('BOT_LOCAL_TESTING=on')
  })

  it('BOT_LOCAL_TESTING=on: works as before for a loopback URL, expectReplies and normal delivery', async () => {
    const answered = await postActivity(local.url, activity({ type: 'conversationUpdate', membersAdded: [{ id: 'person-1' }] }))
    expect(answered.status).toBe(200)
    // The Emulator channel gets Adaptive Cards: the question is on the card (textOf reads it).
    expect(textOf(answered.activities)).toContain('Who are you looking for help for?')
    channel.posts.length = 0
    const joined = activity({
      type: 'conversationUpdate',
      id: 'join-s',
      conversation: { id: 'conv-s' },
      membersAdded: [{ id: 'person-1' }],
      serviceUrl: channel.serviceUrl,
      deliveryMode: undefined,
    })
    expect((await postActivity(local.url, joined)).status).toBe(200)
    expect(channel.posts.map((post) => post.path)).toEqual([
      '/v3/conversations/conv-s/activities/join-s',
      '/v3/conversations/conv-s/activities/join-s',
    ])
    channel.posts.length = 0
  })

  it('BOT_LOCAL_TESTING=on: warns loudly, once', async () => {
    await expect.poll(() => local.logs.filter((line) => line.includes('UNAUTHENTICATED')).length).toBe(1)
    expect(local.logs.find((line) => line.includes('UNAUTHENTICATED'))).toContain('NEVER deploy like this')
  })

  it.each([
    'https://example.org/',
    'http://127.0.0.1.nip.io/',
    'http://[::ffff:127.0.0.1]:PORT/',
    'http://localhost.evil/',
    'http://127.0.0.1@evil.example/',
    'HTTP://127.0.0.1:PORT/',
    'http://127.0.0.1:PORT/exact/path?x=',
  ])('BOT_LOCAL_TESTING=on: serviceUrl %s gets 403 and nothing is posted', async (trick) => {
    const serviceUrl = trick.replace('PORT', new URL(channel.serviceUrl).port)
    expect((await postActivity(local.url, activity({ serviceUrl, deliveryMode: undefined, text: 'hello' }))).status).toBe(403)
    expect(channel.posts).toHaveLength(0)
  })

  it('BOT_LOCAL_TESTING=on: a request for a public hostname (as on the edge) gets 403', async () => {
    expect(await postWithHost(`${local.url}/api/messages`, 'helpfinder.example.org', activity())).toBe(403)
    expect(await postWithHost(`${local.url}/api/messages`, new URL(local.url).host, activity())).toBe(200)
  })

  it('BOT_LOCAL_TESTING=on: a cf-connecting-ip that is not loopback refuses (it never admits)', async () => {
    expect((await postActivity(local.url, activity(), { 'cf-connecting-ip': '198.51.100.7' })).status).toBe(403)
    expect((await postActivity(local.url, activity(), { 'x-forwarded-for': '127.0.0.1', 'cf-connecting-ip': '198.51.100.7' })).status).toBe(
      403,
    )
  })

  describe('as registered with Azure (BOT_LOCAL_TESTING is ignored)', () => {
    const now = () => Math.floor(Date.now() / 1000)
    const toAttacker = () => azure.requests.filter((request) => request.url.startsWith(ATTACKER))

    it('an unauthenticated loopback request gets 401, and the start-up line says BOT_LOCAL_TESTING is ignored', async () => {
      expect((await postActivity(azureBot.url, activity({ channelId: 'webchat' }))).status).toBe(401)
      await expect
        .poll(() => azureBot.logs.filter((line) => line.includes('BOT_LOCAL_TESTING is ignored because MicrosoftAppId is set')).length)
        .toBe(1)
    })

    it("a validated Emulator token (no serviceurl claim) cannot steer replies, or the bot's token, to another serviceUrl", async () => {
      const token = azure.sign({ iss: EMULATOR_ISSUER, aud: TEST_APP_ID, appid: TEST_APP_ID, ver: '1.0', nbf: now() - 60 })
      // The token is good: in the response (expectReplies) the bot answers it.
      const answered = await postActivity(
        azureBot.url,
        activity({ channelId: 'webchat', type: 'conversationUpdate', membersAdded: [{ id: 'person-1' }], serviceUrl: ATTACKER }),
        { authorization: `Bearer ${token}` },
      )
      expect(answered.status).toBe(200)
      const steered = await postActivity(
        azureBot.url,
        activity({ channelId: 'webchat', serviceUrl: ATTACKER, deliveryMode: undefined, text: 'hello' }),
        { authorization: `Bearer ${token}` },
      )
      expect(toAttacker().map((request) => `${request.method} ${request.url} ${request.authorization}`)).toEqual([])
      expect(azure.requests.filter((request) => request.authorization === `Bearer ${FAKE_ACCESS_TOKEN}`)).toEqual([])
      expect(steered.status).toBe(403)
    })

    it("a channel token for another serviceUrl is refused by the SDK's own check", async () => {
      const token = azure.sign({ aud: TEST_APP_ID, serviceurl: AZURE_CHANNEL })
      const reply = await postActivity(
        azureBot.url,
        activity({ channelId: 'webchat', serviceUrl: ATTACKER, deliveryMode: undefined, text: 'hello' }),
        { authorization: `Bearer ${token}` },
      )
      expect(reply.status).toBe(401)
      expect(toAttacker()).toEqual([])
    })

    it('a channel token naming a plain-http serviceUrl gets no replies posted', async () => {
      const plain = 'http://webchat.botframework.com/'
      const token = azure.sign({ aud: TEST_APP_ID, serviceurl: plain })
      const reply = await postActivity(
        azureBot.url,
        activity({ channelId: 'webchat', serviceUrl: plain, deliveryMode: undefined, text: 'hello' }),
        { authorization: `Bearer ${token}` },
      )
      expect(reply.status).toBe(403)
      expect(azure.requests.filter((request) => request.url.startsWith(plain))).toEqual([])
    })

    it('a matching https channel token still gets its replies posted', async () => {
      const before = azure.channelPosts().length
      const token = azure.sign({ aud: TEST_APP_ID, serviceurl: AZURE_CHANNEL })
      const joined = activity({
        type: 'conversationUpdate',
        channelId: 'webchat',
        conversation: { id: 'conv-b' },
        membersAdded: [{ id: 'person-1' }],
        serviceUrl: AZURE_CHANNEL,
        deliveryMode: undefined,
      })
      expect([200, 201]).toContain((await postActivity(azureBot.url, joined, { authorization: `Bearer ${token}` })).status)
      expect(azure.channelPosts().length).toBe(before + 2)
    })
  })
})
