import { closeSync, fstatSync, openSync, readSync, writeSync } from 'node:fs'

/** Bytes overwritten: four pages of 4 KiB, well inside the directory's hundred or so. */
const SPAN = 16 * 1024

/**
 * Overwrites the middle of a database file in place (same file, header untouched) with 0xA5
 * bytes, as a failing disk or a stray write would; returns what puts the old bytes back.
 * @example const restore = garblePages(file); …; restore()
 */
export function garblePages(file: string): () => void {
  const fd = openSync(file, 'r+')
  try {
    const at = Math.floor(fstatSync(fd).size / 2) - SPAN / 2
    const before = Buffer.alloc(SPAN)
    readSync(fd, before, 0, SPAN, at)
    writeSync(fd, Buffer.alloc(SPAN, 0xa5), 0, SPAN, at)
    return () => {
      const again = openSync(file, 'r+')
      writeSync(again, before, 0, SPAN, at)
      closeSync(again)
    }
  } finally {
    closeSync(fd)
  }
}
