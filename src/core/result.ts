/** A value or a reason it could not be had: the core returns these instead of throwing. */
export type Result<T, E> = { ok: true; value: T } | { ok: false; error: E }

/** @example return ok(state) */
export const ok = <T>(value: T): { ok: true; value: T } => ({ ok: true, value })

/** @example return fail({ key: 'error.choose_one' }) */
export const fail = <E>(error: E): { ok: false; error: E } => ({ ok: false, error })
