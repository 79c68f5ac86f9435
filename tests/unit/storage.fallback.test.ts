import { expect, it } from 'vitest'
import { loadBundledData } from '../../src/storage/bundledData'
import { createStaticDirectory } from '../../src/storage/fallback/staticDirectory'
import { directoryContract } from '../contract/directoryContract'
import { withOwnWordsRecords } from '../contract/withOwnWordsRecords'

// The static copy compiled into every bundle: what people get when the database is unreachable.
directoryContract('static fallback', async () => ({
  source: createStaticDirectory(withOwnWordsRecords(loadBundledData())),
  close: () => undefined,
}))

it('the static fallback hands back the data it was built from', async () => {
  const data = loadBundledData()
  expect(await createStaticDirectory(data).load()).toBe(data)
})
