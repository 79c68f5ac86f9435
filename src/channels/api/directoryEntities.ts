import type { DirectoryIndex } from '../../core/directory/indexDirectory'
import { contentVersion } from '../shared/contentVersion'
import { publicDirectory } from './publicDirectory'

/** One directory response: its JSON text and a strong entity tag from that text. */
export interface DirectoryEntity {
  body: string
  etag: string
}

/**
 * The open-data responses, each worked out once per directory index (a new index is a changed
 * directory) and country, never per request. Keyed weakly by the index, so an index the cache has
 * replaced takes its responses with it; per index at most one entry per country it serves.
 * @example const entity = directoryEntities()(await deps.directory(), 'DE')
 */
export function directoryEntities(): (index: DirectoryIndex, country: string | null) => DirectoryEntity {
  const byIndex = new WeakMap<DirectoryIndex, Map<string, DirectoryEntity>>()
  return (index, country) => {
    let entities = byIndex.get(index)
    if (!entities) byIndex.set(index, (entities = new Map()))
    const key = country ?? '*'
    let entity = entities.get(key)
    if (!entity) {
      const body = JSON.stringify(publicDirectory(index, country))
      entity = { body, etag: `"${contentVersion(body)}"` }
      entities.set(key, entity)
    }
    return entity
  }
}
