import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'

/** One POST the bot's connector made to the channel. */
export interface ChannelPost {
  path: string
  authorization: string | undefined
  body: Record<string, unknown>
}

/** A loopback stand-in for a Bot Framework channel: records what the connector posts, answers `{ id }`. */
export async function startBotFakeChannel() {
  const posts: ChannelPost[] = []
  const server = createServer((request, response) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8')
      posts.push({ path: request.url ?? '', authorization: request.headers.authorization, body: text ? JSON.parse(text) : {} })
      response.writeHead(200, { 'content-type': 'application/json' })
      response.end(JSON.stringify({ id: String(posts.length) }))
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    serviceUrl: `http://127.0.0.1:${port}/`,
    posts,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
