import { ConfigurationBotFrameworkAuthentication } from 'botbuilder'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { activity, postActivity } from './support/botClient'
import { CHANNEL_ISSUER, startBotJwks } from './support/botJwks'
import { startNodeServer } from './support/startNodeServer'

// Inbound JWT validation as Microsoft specifies it, against a loopback OpenID/JWKS server with a key
// generated here: only a token for this bot, from the channel issuer, signed by an endorsed key,
// for this serviceUrl and still valid, gets through. Everything else: 401/403, never 500.
const APP_ID = '00000000-0000-0000-0000-00000000a11d'
const SERVICE_URL = 'http://127.0.0.1:9/'

let jwks: Awaited<ReturnType<typeof startBotJwks>>
let server: Awaited<ReturnType<typeof startNodeServer>>

beforeAll(async () => {
  jwks = await startBotJwks(['webchat', 'msteams'])
  const authentication = new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: APP_ID,
    MicrosoftAppPassword: 'not-used-for-inbound-validation',
    // The SDK takes these as a set: once one is given, all must be (the public cloud's values here).
    ValidateAuthority: true,
    ToChannelFromBotLoginUrl: 'https://login.microsoftonline.com/botframework.com',
    ToChannelFromBotOAuthScope: 'https://api.botframework.com',
    ToBotFromChannelTokenIssuer: CHANNEL_ISSUER,
    OAuthUrl: 'https://api.botframework.com',
    CallerId: 'urn:botframework:azure',
    ToBotFromChannelOpenIdMetadataUrl: jwks.metadataUrl,
    ToBotFromEmulatorOpenIdMetadataUrl: jwks.metadataUrl,
  })
  server = await startNodeServer({ bot: { MicrosoftAppId: APP_ID, authentication } })
})
afterAll(async () => {
  await server.stop()
  await jwks.close()
})

const greeting = (overrides: Record<string, unknown> = {}) =>
  activity({ type: 'conversationUpdate', channelId: 'webchat', serviceUrl: SERVICE_URL, membersAdded: [{ id: 'person-1' }], ...overrides })
const now = () => Math.floor(Date.now() / 1000)
const good = { aud: APP_ID, serviceurl: SERVICE_URL }

describe('Bot Framework authentication', () => {
  it('accepts a valid channel token and answers with the first question', async () => {
    const response = await postActivity(server.base, greeting(), { authorization: `Bearer ${jwks.sign(good)}` })
    expect(response.status).toBe(200)
    expect(response.activities.length).toBeGreaterThan(0)
  })

  it.each([
    ['no Authorization header', () => ({})],
    ['a wrong audience', () => ({ authorization: `Bearer ${jwks.sign({ ...good, aud: 'someone-elses-bot' })}` })],
    ['a wrong issuer', () => ({ authorization: `Bearer ${jwks.sign({ ...good, iss: 'https://attacker.example' })}` })],
    ['an expired token', () => ({ authorization: `Bearer ${jwks.sign({ ...good, nbf: now() - 7200, exp: now() - 3600 })}` })],
    ['a tampered signature', () => ({ authorization: `Bearer ${jwks.signWithOtherKey(good)}` })],
    ['a serviceUrl that does not match the token', () => ({ authorization: `Bearer ${jwks.sign({ ...good, serviceurl: 'https://elsewhere.example/' })}` })],
    ['a malformed header', () => ({ authorization: 'Bearer not-a-jwt' })],
  ])('rejects %s with 401/403', async (_name, headers) => {
    const response = await postActivity(server.base, greeting(), headers())
    expect([401, 403]).toContain(response.status)
    expect(response.activities).toEqual([])
  })

  it('rejects a channel the signing key is not endorsed for', async () => {
    const response = await postActivity(server.base, greeting({ channelId: 'skype' }), { authorization: `Bearer ${jwks.sign(good)}` })
    expect([401, 403]).toContain(response.status)
  })

  it('never logs the token', async () => {
    const token = jwks.sign(good)
    await postActivity(server.base, greeting(), { authorization: `Bearer ${token}` })
    expect(JSON.stringify(server.logs)).not.toContain(token.slice(0, 40))
  })
})
