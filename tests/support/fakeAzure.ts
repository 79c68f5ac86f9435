import { channelSigner, CHANNEL_ISSUER } from './botJwks'

/** One request the worker made to "Azure". */
export interface AzureRequest {
  method: string
  url: string
  authorization: string | null
  body: string
}

const AAD = 'https://login.microsoftonline.com/botframework.com'
/** Where the SDK looks up the keys of Emulator tokens (Azure AD's common v2 endpoint), in the public cloud. */
const AAD_COMMON = 'https://login.microsoftonline.com/common'
/** An issuer of Emulator tokens the SDK accepts: Azure AD v1 for the botframework.com tenant. */
export const EMULATOR_ISSUER = 'https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/'
/** What the fake Azure AD hands out for the bot's client credentials. */
export const FAKE_ACCESS_TOKEN = 'fake-aad-access-token-for-the-bot'

/**
 * Microsoft's public cloud, faked for a worker whose every outbound request is routed here
 * (Miniflare's outboundService): Bot Framework's OpenID metadata and signing keys at
 * login.botframework.com, Azure AD's metadata and token endpoint at login.microsoftonline.com
 * (client credentials → an access token) and the common endpoint whose keys sign Emulator tokens
 * (the same test key here), and a channel at `serviceUrl` that records what the connector posts.
 * Every request, to anywhere, is recorded. So the bot runs with the settings a helpline would really set, offline.
 * @example new Miniflare({ ..., outboundService: azure.handle })
 */
export function fakeAzure(options: { appId: string; password: string; serviceUrl: string; endorsements: string[] }) {
  const signer = channelSigner(options.endorsements)
  const requests: AzureRequest[] = []
  const json = (body: unknown, status = 200) => Response.json(body, { status })

  async function handle(request: Request): Promise<Response> {
    const body = request.method === 'GET' ? '' : await request.text()
    requests.push({ method: request.method, url: request.url, authorization: request.headers.get('authorization'), body })
    const url = new URL(request.url)
    const path = `${url.origin}${url.pathname}`
    if (path === 'https://login.botframework.com/v1/.well-known/openidconfiguration') {
      return json({
        issuer: CHANNEL_ISSUER,
        jwks_uri: 'https://login.botframework.com/v1/.well-known/keys',
        id_token_signing_alg_values_supported: ['RS256'],
      })
    }
    if (path === 'https://login.botframework.com/v1/.well-known/keys') return json(signer.jwks)
    if (path === `${AAD}/v2.0/.well-known/openid-configuration`) {
      return json({
        issuer: 'https://login.microsoftonline.com/d6d49420-f39b-4df7-a1dc-d59a935871db/v2.0',
        authorization_endpoint: `${AAD}/oauth2/v2.0/authorize`,
        token_endpoint: `${AAD}/oauth2/v2.0/token`,
        end_session_endpoint: `${AAD}/oauth2/v2.0/logout`,
        jwks_uri: `${AAD}/discovery/v2.0/keys`,
        response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
      })
    }
    if (path === `${AAD_COMMON}/v2.0/.well-known/openid-configuration`) {
      return json({
        issuer: 'https://login.microsoftonline.com/{tenantid}/v2.0',
        jwks_uri: `${AAD_COMMON}/discovery/v2.0/keys`,
        id_token_signing_alg_values_supported: ['RS256'],
      })
    }
    if (path === `${AAD_COMMON}/discovery/v2.0/keys`) return json(signer.jwks)
    if (path === 'https://login.microsoftonline.com/common/discovery/instance') {
      return json({
        tenant_discovery_endpoint: `${AAD}/v2.0/.well-known/openid-configuration`,
        'api-version': '1.1',
        metadata: [
          {
            preferred_network: 'login.microsoftonline.com',
            preferred_cache: 'login.windows.net',
            aliases: ['login.microsoftonline.com', 'login.windows.net', 'login.microsoft.com', 'sts.windows.net'],
          },
        ],
      })
    }
    if (path === `${AAD}/oauth2/v2.0/token` && request.method === 'POST') {
      const form = new URLSearchParams(body)
      if (form.get('client_id') !== options.appId || form.get('client_secret') !== options.password)
        return json({ error: 'invalid_client' }, 401)
      return json({ token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599, access_token: FAKE_ACCESS_TOKEN })
    }
    if (request.url.startsWith(options.serviceUrl) && request.method === 'POST') return json({ id: `posted-${requests.length}` })
    return json({ error: 'not faked' }, 404)
  }

  return {
    handle,
    requests,
    /** What the connector posted to the channel. */
    channelPosts: () => requests.filter((request) => request.url.startsWith(options.serviceUrl)),
    sign: signer.sign,
  }
}
