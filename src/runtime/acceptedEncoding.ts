/** The encodings the Node server compresses with, best first. */
export type ContentCoding = 'br' | 'gzip'

/**
 * The coding to answer a request with, from its Accept-Encoding: brotli, else gzip, else none.
 * Quality values count (`br;q=0` refuses brotli, `*` stands for codings not named); the higher
 * one wins and brotli breaks a tie.
 * @example acceptedEncoding('gzip, deflate, br') // 'br'; acceptedEncoding('br;q=0, gzip') // 'gzip'
 */
export function acceptedEncoding(header: string | undefined): ContentCoding | undefined {
  if (!header) return undefined
  const weights = new Map<string, number>()
  for (const part of header.split(',')) {
    const [name = '', ...params] = part.split(';')
    const coding = name.trim().toLowerCase()
    if (coding === '') continue
    const q = params.map((param) => /^\s*q\s*=\s*([01](?:\.\d{0,3})?)\s*$/i.exec(param)?.[1]).find((value) => value !== undefined)
    weights.set(coding, q === undefined ? 1 : Number(q))
  }
  const weight = (coding: ContentCoding) => weights.get(coding) ?? weights.get('*') ?? 0
  const br = weight('br')
  const gzip = weight('gzip')
  if (br <= 0 && gzip <= 0) return undefined
  return br >= gzip ? 'br' : 'gzip'
}
