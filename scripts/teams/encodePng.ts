import { crc32, deflateSync } from 'node:zlib'
import { concatBytes } from './concatBytes'

const SIGNATURE = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)

/**
 * An 8-bit RGBA image as PNG bytes: one IHDR, one IDAT (no filtering, zlib level 9), IEND. The
 * same pixels always give the same bytes, so the committed icons can be checked against the generator.
 * @example encodePng(32, 32, new Uint8Array(32 * 32 * 4)).subarray(0, 8) // the PNG signature
 */
export function encodePng(width: number, height: number, rgba: Uint8Array): Uint8Array {
  if (rgba.length !== width * height * 4) throw new Error(`expected ${width * height * 4} bytes of RGBA, got ${rgba.length}`)
  const header = new Uint8Array(13)
  const view = new DataView(header.buffer)
  view.setUint32(0, width)
  view.setUint32(4, height)
  header.set([8, 6, 0, 0, 0], 8) // bit depth 8, colour type 6 (RGBA), deflate, filter method 0, no interlace
  // Each row starts with its filter type: 0 (none).
  const raw = new Uint8Array((width * 4 + 1) * height)
  for (let row = 0; row < height; row++) raw.set(rgba.subarray(row * width * 4, (row + 1) * width * 4), row * (width * 4 + 1) + 1)
  return concatBytes([SIGNATURE, chunk('IHDR', header), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', new Uint8Array(0))])
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const typeBytes = new TextEncoder().encode(type)
  const out = new Uint8Array(12 + data.length)
  const view = new DataView(out.buffer)
  view.setUint32(0, data.length)
  out.set(typeBytes, 4)
  out.set(data, 8)
  view.setUint32(8 + data.length, crc32(concatBytes([typeBytes, data])))
  return out
}
