import { describe, expect, it } from 'vitest'
import type { ConversationState } from '../../src/core/flow/conversationState'
import { fromBase64url, toBase64url } from '../../src/core/state/base64url'
import { generateKeyring, importKeyring, newKeySpec } from '../../src/core/state/keyring'
import { openState } from '../../src/core/state/openState'
import { STATE_TTL_SECONDS, sealState } from '../../src/core/state/sealState'
import { SELF_IN_GERMANY, stateAnswers } from '../support/answerPaths'

const state: ConversationState = {
  f: 'help-seeker',
  v: 1,
  ui: 'de',
  a: stateAnswers(SELF_IN_GERMANY, 3),
}
const now = Date.parse('2026-11-23T12:00:00Z')

describe('sealed conversation state', () => {
  it('round-trips through seal and open', async () => {
    const keyring = await generateKeyring()
    const token = await sealState(state, keyring, now)
    expect(await openState(token, keyring, now)).toEqual({ ok: true, value: state })
  })

  it('is unreadable: the answers do not appear in the token bytes', async () => {
    const token = await sealState(state, await generateKeyring(), now)
    const body = new TextDecoder('latin1').decode(fromBase64url(token.split('.')[1] ?? ''))
    // Each answer as the plaintext JSON would hold it: long enough that random ciphertext bytes
    // never spell it by chance (a bare "DE" does, about once in 300 tokens).
    for (const secret of ['"self"', '"DE"', '"asker"', 'help-seeker', JSON.stringify(state.a)]) expect(body).not.toContain(secret)
  })

  it('uses a fresh IV each time, so equal states give different tokens', async () => {
    const keyring = await generateKeyring()
    expect(await sealState(state, keyring, now)).not.toBe(await sealState(state, keyring, now))
  })

  it('refuses a token with one flipped bit as tampered', async () => {
    const keyring = await generateKeyring()
    const [id, body] = (await sealState(state, keyring, now)).split('.')
    const bytes = fromBase64url(body ?? '')
    if (!bytes) throw new Error('bad token')
    bytes[20] = (bytes[20] ?? 0) ^ 1
    expect(await openState(`${id}.${toBase64url(bytes)}`, keyring, now)).toEqual({ ok: false, error: 'tampered' })
  })

  it('refuses a token whose key id was swapped (the id is authenticated)', async () => {
    const spec = `a:${newKeySpec('x').split(':')[1]},b:${newKeySpec('y').split(':')[1]}`
    const imported = await importKeyring(spec)
    if (!imported.ok) throw new Error(imported.error)
    const token = await sealState(state, imported.value, now)
    const swapped = token.replace(/^a\./, 'b.')
    expect(await openState(swapped, imported.value, now)).toEqual({ ok: false, error: 'tampered' })
  })

  it('expires after the time to live', async () => {
    const keyring = await generateKeyring()
    const token = await sealState(state, keyring, now)
    expect((await openState(token, keyring, now + (STATE_TTL_SECONDS - 5) * 1000)).ok).toBe(true)
    expect(await openState(token, keyring, now + (STATE_TTL_SECONDS + 5) * 1000)).toEqual({ ok: false, error: 'expired' })
  })

  it('opens tokens sealed under the previous key during a rotation, and seals with the new one', async () => {
    const oldSpec = newKeySpec('k1')
    const newSpec = newKeySpec('k2')
    const before = await importKeyring(oldSpec)
    const after = await importKeyring(`${newSpec},${oldSpec}`)
    if (!before.ok || !after.ok) throw new Error('keys')
    const oldToken = await sealState(state, before.value, now)
    expect(await openState(oldToken, after.value, now)).toEqual({ ok: true, value: state })
    expect((await sealState(state, after.value, now)).startsWith('k2.')).toBe(true)
  })

  it('refuses foreign and malformed tokens without throwing', async () => {
    const keyring = await generateKeyring()
    const foreign = await sealState(state, await generateKeyring(), now)
    expect(await openState(foreign, keyring, now)).toEqual({ ok: false, error: 'tampered' })
    expect(await openState(foreign.replace(/^dev\./, 'other.'), keyring, now)).toEqual({ ok: false, error: 'unknown_key' })
    for (const junk of ['', '.', 'dev.', 'dev.!!!', 'dev.abc.def', 'x'.repeat(10_000), 'dev.AAAA']) {
      const opened = await openState(junk, keyring, now)
      expect(opened.ok).toBe(false)
    }
  })

  it('rejects badly formed key configuration', async () => {
    for (const spec of ['', 'nokey', 'k1:short', `bad id:${'A'.repeat(43)}`]) {
      expect((await importKeyring(spec)).ok).toBe(false)
    }
  })
})
