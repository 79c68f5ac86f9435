/**
 * `npm run keys:new`: prints a fresh STATE_KEYS value. To rotate, put the new key first and keep
 * the previous one after it for a few hours (tokens expire after 4 h), e.g. STATE_KEYS="k2,k1".
 */
import { newKeySpec } from '../src/core/state/keyring'

const id = `k${new Date().toISOString().slice(0, 10).replace(/-/g, '')}${Math.floor(Math.random() * 1000)}`
process.stdout.write(`STATE_KEYS=${newKeySpec(id)}\n`)
