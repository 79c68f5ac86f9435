import { readFileSync } from 'node:fs'
import { gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { GENERATED, widgetAssetsModule } from '../scripts/buildWidget'
import { loaderScript, panelScript } from '../src/channels/widget/widgetAssets.generated'

// The widget's browser code is bundled into a generated module that both runtimes import. It must
// be what src/widget-client/ and locales/ build to today, and stay within its size budget.
describe('the widget assets', () => {
  it('are up to date: run `npm run build:widget` after changing src/widget-client/ or the widget words', async () => {
    expect(readFileSync(GENERATED, 'utf8')).toBe(await widgetAssetsModule())
  })

  it('stay small: the loader under 15 KB gzip, the panel script under 10 KB gzip', () => {
    expect(gzipSync(loaderScript).length).toBeLessThan(15 * 1024)
    expect(gzipSync(panelScript).length).toBeLessThan(10 * 1024)
  })
})
