import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { chromium } from 'playwright-core'
import { loaderScript } from '../src/channels/widget/widgetAssets.generated'
import { startHostSite } from '../tests/support/startHostSite'
import { startNodeServer } from '../tests/support/startNodeServer'

/**
 * Part of `npm run bench`: the widget's weight beside Microsoft's Web Chat bundle (measured here,
 * from node_modules), and the time from the script tag to the first question painted in headless
 * Chromium, the host page on another loopback origin. Budgets: loader 15 KB gzip, everything the
 * panel loads 40 KB gzip.
 */
const RUNS = 15
const KB = 1024
const print = (line = '') => process.stdout.write(`${line}\n`)
const gzip = (text: string | Buffer) => gzipSync(text).length
const kb = (bytes: number) => `${(bytes / KB).toFixed(1)} KB`

async function main() {
  const server = await startNodeServer()
  const host = await startHostSite(server.base)
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--host-resolver-rules=MAP localhost 127.0.0.1'],
  })
  try {
    const panel = await (await fetch(`${server.base}/widget/panel?country=DE&lang=de`)).text()
    const webchat = readFileSync(fileURLToPath(new URL('../node_modules/botframework-webchat/dist/webchat.js', import.meta.url)))
    const loaderGzip = gzip(loaderScript)
    // The panel loads nothing but its page: its style and script are inline.
    const panelGzip = gzip(panel)
    print('Widget benchmark')
    print(`loader widget.js: ${kb(loaderScript.length)}, ${kb(loaderGzip)} gzip (budget 15 KB) ${loaderGzip < 15 * KB ? 'PASS' : 'OVER'}`)
    print(
      `panel, all it loads (first page, inline style and script): ${kb(panel.length)}, ${kb(panelGzip)} gzip (budget 40 KB) ${panelGzip < 40 * KB ? 'PASS' : 'OVER'}`,
    )
    print(`Microsoft Web Chat (botframework-webchat/dist/webchat.js): ${kb(webchat.length)}, ${kb(gzip(webchat))} gzip`)
    print(`ratio, widget (loader + panel) / Web Chat, gzip: ${((loaderGzip + panelGzip) / gzip(webchat)).toFixed(3)}`)

    const times: number[] = []
    for (let run = 0; run < RUNS; run++) {
      const context = await browser.newContext()
      const page = await context.newPage()
      await page.goto(`${host.base}/page?attrs=${encodeURIComponent('data-open="true" data-country="DE" data-lang="de"')}`, {
        waitUntil: 'commit',
      })
      const frameLocator = page.locator('[data-helpfinder] iframe')
      await frameLocator.waitFor()
      const frame = await (await frameLocator.elementHandle())?.contentFrame()
      if (!frame) throw new Error('no panel frame')
      await frame.locator('#question').waitFor()
      // No named functions inside evaluate: tsx would wrap them in a helper the page does not have.
      await frame.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0, undefined, { timeout: 5000 })
      const painted = await frame.evaluate(
        () => performance.timeOrigin + (performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? 0),
      )
      // The script element's start: the resource timing of widget.js in the host page.
      const scriptStart = await page.evaluate(() => {
        const entry = performance.getEntriesByType('resource').find((resource) => resource.name.endsWith('/widget.js'))
        return performance.timeOrigin + (entry?.startTime ?? 0)
      })
      times.push(painted - scriptStart)
      await context.close()
    }
    times.sort((a, b) => a - b)
    print(
      `script tag (widget.js requested) → first question painted in the panel, ${RUNS} fresh profiles: median ${times[Math.floor(RUNS / 2)]?.toFixed(0)} ms, best ${times[0]?.toFixed(0)} ms, worst ${times.at(-1)?.toFixed(0)} ms`,
    )
  } finally {
    await browser.close()
    await host.stop()
    await server.stop()
  }
}

await main()
