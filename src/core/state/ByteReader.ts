const decoder = new TextDecoder('utf-8', { fatal: true })

/** At most 8 varint bytes: 56 bits hold every safe integer (53 bits). */
const MAX_VARINT_BYTES = 8

/**
 * Reads what ByteWriter wrote. Every read returns undefined instead of throwing when the bytes run
 * out or do not hold what was asked (an overlong varint, text that is not UTF-8), so a decoder can
 * stop at the first surprise.
 * @example const input = new ByteReader(bytes); const count = input.varint()
 */
export class ByteReader {
  private position = 0

  constructor(private readonly source: Uint8Array) {}

  /** True once every byte has been read: a payload with bytes left over is not one we wrote. */
  get done(): boolean {
    return this.position === this.source.length
  }

  /** One byte. */
  byte(): number | undefined {
    return this.position < this.source.length ? this.source[this.position++] : undefined
  }

  /** A varint of at most 8 bytes holding a safe integer. */
  varint(): number | undefined {
    let value = 0
    let scale = 1
    for (let count = 0; count < MAX_VARINT_BYTES; count++) {
      const byte = this.byte()
      if (byte === undefined) return undefined
      value += (byte & 0x7f) * scale
      if (byte < 0x80) return Number.isSafeInteger(value) ? value : undefined
      scale *= 0x80
    }
    return undefined
  }

  /** Four bytes, big-endian, as an unsigned number. */
  uint32(): number | undefined {
    let value = 0
    for (let count = 0; count < 4; count++) {
      const byte = this.byte()
      if (byte === undefined) return undefined
      value = value * 0x100 + byte
    }
    return value
  }

  /** Length-prefixed UTF-8 text of at most `maxBytes` bytes. */
  text(maxBytes: number): string | undefined {
    const length = this.varint()
    if (length === undefined || length > maxBytes || this.position + length > this.source.length) return undefined
    const slice = this.source.subarray(this.position, this.position + length)
    this.position += length
    try {
      return decoder.decode(slice)
    } catch {
      return undefined
    }
  }
}
