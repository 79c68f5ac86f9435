/**
 * The one typed error of the edge, public and console alike: a status and a key (a locale key on the
 * public side), turned into a page or JSON by the app's `onError`.
 */
export class HttpError extends Error {
  constructor(
    readonly status: 400 | 403 | 404 | 413 | 415 | 500,
    readonly key: string,
  ) {
    super(key)
    this.name = 'HttpError'
  }
}
