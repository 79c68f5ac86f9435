import { mkdtempSync, rmSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { cpus, tmpdir } from 'node:os'
import { join } from 'node:path'
import { serve } from '@hono/node-server'
import type { Activity } from 'botbuilder'
import { importKeyring, newKeySpec } from '../src/core/state/keyring'
import { newKeyId } from '../src/core/state/newKeyId'
import { createNodeApp } from '../src/runtime/createNodeApp'
import { nodeStateCipher } from '../src/runtime/nodeStateCipher'
import { adaptiveCardsOf, cardNodes, LOCAL_TESTING } from '../tests/support/botClient'
import { BOT_PERSONAS } from '../tests/support/botPersonas'
import { cardChannelClient } from '../tests/support/cardChannelClient'
import { walkPersona, type WalkStep } from '../tests/support/walkPersona'
import { positiveInt } from './positiveInt'
import { printTable } from './printTable'

/**
 * `BENCH_BOT=<conversations> npm run bench`: whole Teams-shaped conversations (install, a first
 * "hi", then clicks as Teams sends them, to results; the eight personas of the tests in turn)
 * against the app in this process on loopback, sealed with a key like `npm run keys:new` makes
 * (its 16-character id rides in every token). Per step: the largest Adaptive Card and the largest
 * message (the whole activity, card included; Teams refuses about 28 KB), the bytes of the whole
 * answer, the state token's length, and the bot's turn latency (the HTTP exchange, median and p99).
 */
const CONVERSATIONS = positiveInt(process.env.BENCH_BOT, 200)
const WARMUP = 16
const TEAMS_MESSAGE_LIMIT = 28 * 1024
const print = (line = '') => process.stdout.write(`${line}\n`)
const bytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value), 'utf8')

/** What one step measured in one conversation. */
interface Sample {
  largestCard: number
  largestMessage: number
  answer: number
  token: number
  ms: number
}

/** The sealed state on the step's last card (every button there carries the same one). */
function tokenLength(replies: readonly Activity[]): number {
  const data = adaptiveCardsOf(replies.at(-1) ?? {})
    .flatMap((card) => cardNodes(card))
    .find((node) => node.type === 'Action.Submit')?.data
  const state = data?.state
  return typeof state === 'string' ? state.length : 0
}

function sample(step: WalkStep, ms: number): Sample {
  const cards = step.replies.flatMap((activity) => adaptiveCardsOf(activity))
  return {
    largestCard: Math.max(0, ...cards.map(bytes)),
    largestMessage: Math.max(0, ...step.replies.map(bytes)),
    answer: bytes(step.replies),
    token: tokenLength(step.replies),
    ms,
  }
}

function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0
}

async function main() {
  const folder = mkdtempSync(join(tmpdir(), 'helpfinder-bench-bot-'))
  const spec = newKeySpec(newKeyId(new Date(), new Set()))
  const keyring = await importKeyring(spec, nodeStateCipher)
  if (!keyring.ok) throw new Error(keyring.error)
  const { app, close } = await createNodeApp({
    databaseFile: join(folder, 'helpfinder.sqlite'),
    keyring: keyring.value,
    log: () => {},
    bot: LOCAL_TESTING,
  })
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const started = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(started))
  })
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  try {
    const conversation = async (index: number) => {
      const persona = BOT_PERSONAS[index % BOT_PERSONAS.length]
      if (!persona) throw new Error('no persona')
      const client = cardChannelClient({ base, channelId: 'msteams', locale: persona.locale })
      const steps = await walkPersona(client, persona)
      return steps.map((step, position) => ({ name: step.name, sample: sample(step, client.exchanges[position]?.ms ?? 0) }))
    }
    for (let index = 0; index < WARMUP; index++) await conversation(index)

    const byStep = new Map<string, Sample[]>()
    const started = performance.now()
    for (let index = 0; index < CONVERSATIONS; index++) {
      for (const { name, sample: measured } of await conversation(index)) byStep.set(name, [...(byStep.get(name) ?? []), measured])
    }
    const seconds = (performance.now() - started) / 1000

    print('Helpfinder bot: Teams-shaped conversations')
    print(`node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model.trim() ?? 'unknown'})`)
    print(
      `${CONVERSATIONS} conversations (BENCH_BOT) after ${WARMUP} to warm up, one at a time, over loopback HTTP to POST /api/messages (expectReplies), channelId msteams, the ${BOT_PERSONAS.length} test personas in turn; key id ${spec.split(':')[0]?.length ?? 0} characters, as keys:new makes`,
    )
    print()
    const rows = [...byStep].map(([name, samples]) => {
      const ms = samples.map((entry) => entry.ms).sort((a, b) => a - b)
      const tokens = samples.map((entry) => entry.token)
      return [
        name,
        String(Math.max(...samples.map((entry) => entry.largestCard))),
        String(Math.max(...samples.map((entry) => entry.largestMessage))),
        String(Math.max(...samples.map((entry) => entry.answer))),
        Math.min(...tokens) === Math.max(...tokens) ? String(Math.max(...tokens)) : `${Math.min(...tokens)}–${Math.max(...tokens)}`,
        quantile(ms, 0.5).toFixed(1),
        quantile(ms, 0.99).toFixed(1),
      ]
    })
    printTable(['answer to', 'largest card B', 'largest message B', 'whole answer B', 'token chars', 'p50 ms', 'p99 ms'], rows)
    const all = [...byStep.values()].flat()
    const turns = all.map((entry) => entry.ms).sort((a, b) => a - b)
    const largestMessage = Math.max(...all.map((entry) => entry.largestMessage))
    print()
    print(
      `all turns: ${turns.length} in ${seconds.toFixed(1)} s; latency median ${quantile(turns, 0.5).toFixed(1)} ms, p99 ${quantile(turns, 0.99).toFixed(1)} ms, max ${(turns.at(-1) ?? 0).toFixed(1)} ms`,
    )
    print(
      `largest card ${Math.max(...all.map((entry) => entry.largestCard))} B; largest message ${largestMessage} B (Teams limit about ${TEAMS_MESSAGE_LIMIT} B: ${largestMessage < TEAMS_MESSAGE_LIMIT ? 'under' : 'OVER'}); state token ${Math.min(...all.map((entry) => entry.token).filter((length) => length > 0))}–${Math.max(...all.map((entry) => entry.token))} characters`,
    )
    print(
      '(the sizes are maxima over the conversations; a step with no question card, e.g. the results, carries the token on its closing card)',
    )
  } finally {
    server.close()
    close()
    rmSync(folder, { recursive: true, force: true })
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`bot bench failed: ${error instanceof Error ? error.message : String(error)}\n`)
    process.exit(1)
  },
)
