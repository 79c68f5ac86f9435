import { statSync } from 'node:fs'

/**
 * Which file is at `path` now, as "device:inode", or undefined when nothing is: a change means the
 * file was replaced or removed under an open connection (which still reads the old one).
 * @example fileIdentity('.data/helpfinder.sqlite') // '2049:1835021'
 */
export function fileIdentity(path: string): string | undefined {
  try {
    const stat = statSync(path)
    return `${stat.dev}:${stat.ino}`
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return undefined
    throw error
  }
}
