/** The one typed error of the edge: a status and a locale key, turned into a page or JSON by `onError`. */
export class HttpError extends Error {
  constructor(
    readonly status: 400 | 404 | 413 | 415 | 500,
    readonly key: string,
  ) {
    super(key)
    this.name = 'HttpError'
  }
}
