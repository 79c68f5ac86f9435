import type { DirectoryData } from '../core/directory/directoryData'

/** The storage port: anything that can hand over the whole directory (SQLite, D1, the static fallback). */
export interface DirectorySource {
  load(): Promise<DirectoryData>
}
