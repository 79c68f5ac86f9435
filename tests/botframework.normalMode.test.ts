import type { Activity } from 'botbuilder'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { activity, buttonsOf, LOCAL_TESTING, postActivity, textOf } from './support/botClient'
import { startBotFakeChannel } from './support/botFakeChannel'
import { startNodeServer } from './support/startNodeServer'

// Normal delivery: the bot answers the HTTP request at once and posts its replies to the
// activity's serviceUrl through the SDK's connector, here a loopback fake channel.
let server: Awaited<ReturnType<typeof startNodeServer>>
let channel: Awaited<ReturnType<typeof startBotFakeChannel>>
beforeAll(async () => {
  server = await startNodeServer({ bot: LOCAL_TESTING })
  channel = await startBotFakeChannel()
})
afterAll(async () => {
  await server.stop()
  await channel.stop()
})

describe('Bot Framework channel, normal delivery', () => {
  it('posts the greeting and the first question with its buttons to the channel', async () => {
    channel.posts.length = 0
    const joined = activity({
      type: 'conversationUpdate',
      id: 'join-1',
      conversation: { id: 'conv/1' },
      membersAdded: [{ id: 'person-1' }],
      serviceUrl: channel.serviceUrl,
      deliveryMode: undefined,
    })
    const reply = await postActivity(server.base, joined)
    expect([200, 201]).toContain(reply.status)
    expect(reply.activities).toEqual([])
    expect(channel.posts.map((post) => post.path)).toEqual([
      '/v3/conversations/conv%2F1/activities/join-1',
      '/v3/conversations/conv%2F1/activities/join-1',
    ])
    const [greeting, question] = channel.posts.map((post) => post.body)
    expect(greeting).toMatchObject({ type: 'message', replyToId: 'join-1', conversation: { id: 'conv/1' } })
    expect(String(greeting?.text)).toContain('We store nothing about you')
    // The Emulator channel renders Adaptive Cards: the question is one card with its answers as Action.Submit buttons.
    const posted = [question as Partial<Activity>]
    expect(question).toMatchObject({ type: 'message' })
    expect(textOf(posted)).toContain('Who are you looking for help for?')
    expect(buttonsOf(posted)).toEqual(
      expect.arrayContaining([expect.objectContaining({ title: 'Someone I know or care about', type: 'Action.Submit' })]),
    )
    // No credentials configured: nothing to sign with.
    expect(channel.posts.every((post) => post.authorization === undefined)).toBe(true)
  })

  it('posts the next question after a click', async () => {
    channel.posts.length = 0
    const first = await postActivity(server.base, activity({ type: 'conversationUpdate', membersAdded: [{ id: 'person-1' }] }))
    const self = buttonsOf(first.activities)[0]?.value
    const reply = await postActivity(
      server.base,
      activity({ id: 'click-1', value: self, serviceUrl: channel.serviceUrl, deliveryMode: undefined }),
    )
    expect(reply.status).toBe(200)
    expect(channel.posts.at(-1)?.path).toBe('/v3/conversations/conversation-1/activities/click-1')
    // "Me" leads to the age question first.
    expect(textOf([channel.posts.at(-1)?.body as Partial<Activity>])).toContain('How old are you?')
  })

  it('without credentials, replies go to loopback only: another serviceUrl is refused with 403', async () => {
    channel.posts.length = 0
    const reply = await postActivity(server.base, activity({ serviceUrl: 'https://example.org/', deliveryMode: undefined, text: 'hello' }))
    expect(reply.status).toBe(403)
  })

  it('an unreachable channel gets 502, not 500', async () => {
    const reply = await postActivity(server.base, activity({ serviceUrl: 'http://127.0.0.1:9/', deliveryMode: undefined, text: 'hello' }))
    expect(reply.status).toBe(502)
  }, 30_000)
})
