import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'

/** 256 random bits, base64url: what the session cookie carries. */
export function newSessionToken(): string {
  return randomBytes(32).toString('base64url')
}

/** What the database keeps instead of the token: a stolen copy of the file cannot log anyone in. */
export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url')
}

/**
 * The CSRF token of a session, derived from its secret token (so nothing more is stored). Forms
 * carry it; a page on another site cannot read it, and it does not reveal the session token.
 */
export function csrfTokenFor(secret: string): string {
  return createHash('sha256').update(`helpfinder-csrf\0${secret}`).digest('base64url')
}

/** Compares two tokens in constant time (a length mismatch is simply false). */
export function sameToken(a: string, b: string): boolean {
  const left = Buffer.from(a)
  const right = Buffer.from(b)
  return left.length === right.length && timingSafeEqual(left, right)
}
