const encoder = new TextEncoder()

/**
 * Appends unsigned varints (LEB128, 7 bits a byte), fixed 32-bit numbers and length-prefixed UTF-8
 * text to a growing byte buffer: the compact state payload's writing half (ByteReader reads it).
 * @example const out = new ByteWriter(); out.varint(300); out.text('DE'); out.bytes() // 5 bytes
 */
export class ByteWriter {
  private buffer = new Uint8Array(64)
  private length = 0

  /** One byte, 0 to 255. */
  byte(value: number): void {
    this.reserve(1)
    this.buffer[this.length++] = value & 0xff
  }

  /** A whole number from 0 to Number.MAX_SAFE_INTEGER in 1 to 8 bytes (arithmetic, not bit operators, above 2^31). */
  varint(value: number): void {
    if (!Number.isSafeInteger(value) || value < 0) throw new RangeError('varint: not a non-negative safe integer')
    let rest = value
    while (rest >= 0x80) {
      this.byte((rest % 0x80) | 0x80)
      rest = Math.floor(rest / 0x80)
    }
    this.byte(rest)
  }

  /** Four bytes, big-endian: a 32-bit hash. */
  uint32(value: number): void {
    for (const shift of [24, 16, 8, 0]) this.byte(value >>> shift)
  }

  /** The UTF-8 bytes of `text`, after their count as a varint. */
  text(text: string): void {
    const bytes = encoder.encode(text)
    this.varint(bytes.length)
    this.reserve(bytes.length)
    this.buffer.set(bytes, this.length)
    this.length += bytes.length
  }

  /** What has been written, as its own copy. */
  bytes(): Uint8Array<ArrayBuffer> {
    return this.buffer.slice(0, this.length)
  }

  private reserve(count: number): void {
    if (this.length + count <= this.buffer.length) return
    const grown = new Uint8Array(Math.max(this.buffer.length * 2, this.length + count))
    grown.set(this.buffer)
    this.buffer = grown
  }
}
