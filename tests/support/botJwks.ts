import { createSign, generateKeyPairSync, type KeyObject } from 'node:crypto'
import { createServer, type Server } from 'node:http'

/** The issuer Bot Framework channels sign with. */
export const CHANNEL_ISSUER = 'https://api.botframework.com'

/** The app id the test bot is registered with. */
export const TEST_APP_ID = '00000000-0000-0000-0000-00000000a11d'

const base64url = (value: string | Buffer) => Buffer.from(value).toString('base64url')

/** Claims of a channel token; every field can be overridden to build a bad one. */
export interface TokenClaims {
  iss?: string
  aud?: string
  serviceurl?: string
  exp?: number
  nbf?: number
  [claim: string]: unknown
}

/**
 * A signing key generated here, published as a JWK with its endorsements, and tokens signed like a
 * Bot Framework channel signs them (RS256, issuer api.botframework.com, valid for ten minutes).
 * @example const keys = channelSigner(['webchat']); keys.sign({ aud: appId, serviceurl })
 */
export function channelSigner(endorsements: string[]) {
  const kid = 'helpfinder-test-key'
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
  const signWith = (key: KeyObject, claims: TokenClaims) => {
    const now = Math.floor(Date.now() / 1000)
    const header = base64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid }))
    const payload = base64url(JSON.stringify({ iss: CHANNEL_ISSUER, nbf: now - 60, exp: now + 600, ...claims }))
    const signature = createSign('RSA-SHA256').update(`${header}.${payload}`).sign(key)
    return `${header}.${payload}.${base64url(signature)}`
  }
  return {
    /** The JSON Web Key Set a channel's OpenID metadata points to. */
    jwks: { keys: [{ ...publicKey.export({ format: 'jwk' }), kid, use: 'sig', alg: 'RS256', endorsements }] },
    /** A token signed with the published key. */
    sign: (claims: TokenClaims) => signWith(privateKey, claims),
    /** A token with the published key id but signed by another key. */
    signWithOtherKey: (claims: TokenClaims) => signWith(generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey, claims),
  }
}

/**
 * A loopback stand-in for Bot Framework's OpenID metadata and signing keys, with a key generated
 * here, so inbound JWT validation is tested for real without Azure.
 * @example const jwks = await startBotJwks(['webchat']); const token = jwks.sign({ aud: appId, serviceurl })
 */
export async function startBotJwks(endorsements: string[]) {
  const signer = channelSigner(endorsements)
  let server: Server | undefined
  const base = await new Promise<string>((resolve) => {
    server = createServer((request, response) => {
      const url = request.url ?? ''
      const body =
        url === '/.well-known/openid-configuration'
          ? { issuer: CHANNEL_ISSUER, jwks_uri: `${baseUrl()}/keys`, id_token_signing_alg_values_supported: ['RS256'] }
          : url === '/keys'
            ? signer.jwks
            : undefined
      response.writeHead(body ? 200 : 404, { 'content-type': 'application/json' })
      response.end(JSON.stringify(body ?? {}))
    }).listen(0, '127.0.0.1', () => resolve(baseUrl()))
  })
  function baseUrl() {
    const address = server?.address()
    return `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
  }
  return {
    metadataUrl: `${base}/.well-known/openid-configuration`,
    sign: signer.sign,
    signWithOtherKey: signer.signWithOtherKey,
    close: () => new Promise<void>((resolve) => server?.close(() => resolve())),
  }
}

/**
 * The bot settings a helpline would set (as environment variables or Worker secrets) for a cloud
 * whose OpenID metadata is at `metadataUrl`: the public cloud's values, with the loopback keys.
 * The SDK takes the cloud settings as a set: once one is given, all must be.
 */
export function botSettings(metadataUrl: string, appId = TEST_APP_ID) {
  return {
    MicrosoftAppId: appId,
    MicrosoftAppPassword: 'not-used-for-inbound-validation',
    ValidateAuthority: 'true',
    ToChannelFromBotLoginUrl: 'https://login.microsoftonline.com/botframework.com',
    ToChannelFromBotOAuthScope: 'https://api.botframework.com',
    ToBotFromChannelTokenIssuer: CHANNEL_ISSUER,
    OAuthUrl: 'https://api.botframework.com',
    CallerId: 'urn:botframework:azure',
    ToBotFromChannelOpenIdMetadataUrl: metadataUrl,
    ToBotFromEmulatorOpenIdMetadataUrl: metadataUrl,
  }
}
