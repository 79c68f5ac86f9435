import { crc32 } from 'node:zlib'
import { concatBytes } from './concatBytes'

/** One file in the archive; names are plain ASCII paths with forward slashes. */
export interface ZipEntry {
  name: string
  data: Uint8Array
}

// Every entry is dated 1980-01-01 00:00 (the earliest DOS date), so the same files give the same bytes.
const DOS_TIME = 0
const DOS_DATE = (0 << 9) | (1 << 5) | 1

/**
 * A ZIP archive of stored (uncompressed) entries: local headers, data, central directory, end
 * record (APPNOTE 6.3.x, no ZIP64: under 4 GiB and 65 535 entries). Node has no zip writer and a
 * machine may have no `zip`; PNGs are compressed already, and Teams reads stored entries.
 * @example writeFileSync('app.zip', storedZip([{ name: 'manifest.json', data: bytes }]))
 */
export function storedZip(entries: readonly ZipEntry[]): Uint8Array {
  const encoder = new TextEncoder()
  const locals: Uint8Array[] = []
  const centrals: Uint8Array[] = []
  let offset = 0
  for (const entry of entries) {
    if (!/^[\x21-\x7e][\x20-\x7e]*$/.test(entry.name) || entry.name.includes('\\'))
      throw new Error(`unsupported file name in zip: ${entry.name}`)
    const name = encoder.encode(entry.name)
    const crc = crc32(entry.data)
    const local = new Uint8Array(30 + name.length)
    const lv = new DataView(local.buffer)
    lv.setUint32(0, 0x04034b50, true) // local file header
    lv.setUint16(4, 10, true) // version needed: 1.0
    lv.setUint16(6, 0, true) // flags
    lv.setUint16(8, 0, true) // method: stored
    lv.setUint16(10, DOS_TIME, true)
    lv.setUint16(12, DOS_DATE, true)
    lv.setUint32(14, crc, true)
    lv.setUint32(18, entry.data.length, true)
    lv.setUint32(22, entry.data.length, true)
    lv.setUint16(26, name.length, true)
    local.set(name, 30)
    const central = new Uint8Array(46 + name.length)
    const cv = new DataView(central.buffer)
    cv.setUint32(0, 0x02014b50, true) // central directory header
    cv.setUint16(4, 20, true) // made by: MS-DOS, 2.0
    cv.setUint16(6, 10, true)
    cv.setUint16(8, 0, true)
    cv.setUint16(10, 0, true)
    cv.setUint16(12, DOS_TIME, true)
    cv.setUint16(14, DOS_DATE, true)
    cv.setUint32(16, crc, true)
    cv.setUint32(20, entry.data.length, true)
    cv.setUint32(24, entry.data.length, true)
    cv.setUint16(28, name.length, true)
    cv.setUint32(42, offset, true) // where the local header starts
    central.set(name, 46)
    locals.push(local, entry.data)
    centrals.push(central)
    offset += local.length + entry.data.length
  }
  const directorySize = centrals.reduce((sum, part) => sum + part.length, 0)
  const end = new Uint8Array(22)
  const ev = new DataView(end.buffer)
  ev.setUint32(0, 0x06054b50, true) // end of central directory
  ev.setUint16(8, entries.length, true)
  ev.setUint16(10, entries.length, true)
  ev.setUint32(12, directorySize, true)
  ev.setUint32(16, offset, true)
  return concatBytes([...locals, ...centrals, end])
}
