import { readFileSync } from 'node:fs'

/**
 * A process's resident set size in bytes (VmRSS from /proc), or undefined when it cannot be read
 * (the process has gone, or the system has no /proc).
 * @example residentMemory(child.pid)
 */
export function residentMemory(pid: number): number | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8')
    const kib = /^VmRSS:\s+(\d+)\s+kB$/m.exec(status)?.[1]
    return kib === undefined ? undefined : Number(kib) * 1024
  } catch {
    return undefined
  }
}
