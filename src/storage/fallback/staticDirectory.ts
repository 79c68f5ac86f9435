import type { DirectoryData } from '../../core/directory/directoryData'
import type { DirectorySource } from '../directorySource'

/**
 * The directory compiled into the bundle from `data/`: serves urgent-help numbers and the last
 * known directory when the database is unreachable.
 * @example createStaticDirectory(loadBundledData())
 */
export function createStaticDirectory(data: DirectoryData): DirectorySource {
  return { load: async () => data }
}
