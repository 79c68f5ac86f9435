import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'

/** A file written next to its target, not yet in place. */
export interface StagedWrite {
  /** Renames the staged file over the target (atomic on one file system). */
  commit(): void
  /** Removes the staged file; the target is untouched. */
  discard(): void
}

/**
 * Writes `text` to a temporary file in the target's folder (flushed to disk), ready to be renamed
 * over the target. Lets a caller stage the JSON, commit the database, then put the JSON in place.
 * @example const staged = stageFile('data/initiatives.json', text); try { …; staged.commit() } catch (e) { staged.discard(); throw e }
 */
export function stageFile(target: string, text: string): StagedWrite {
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.${Date.now()}.tmp`)
  const fd = openSync(temp, 'wx')
  try {
    writeSync(fd, text)
    fsyncSync(fd)
  } catch (error) {
    closeSync(fd)
    rmSync(temp, { force: true })
    throw error
  }
  closeSync(fd)
  return {
    commit: () => renameSync(temp, target),
    discard: () => rmSync(temp, { force: true }),
  }
}

/**
 * Replaces a file's contents atomically: readers see the old file or the new one, never half of it.
 * @example writeJsonAtomic('data/initiatives.json', `${JSON.stringify(data, null, 2)}\n`)
 */
export function writeJsonAtomic(target: string, text: string): void {
  const staged = stageFile(target, text)
  try {
    staged.commit()
  } catch (error) {
    staged.discard()
    throw error
  }
}
