import type { Browser, Frame, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import en from '../../locales/en/translation.json'
import { launchChromium } from '../support/chromium'
import { startHostSite } from '../support/startHostSite'
import { startNodeServer } from '../support/startNodeServer'

// Security review, Low 7: the widget loader put `data-lang` / the host's `<html lang>` into
// innerHTML, so a host page with lang='x"><img src=x onerror=…>' ran script on the host's origin.
// Replayed as found, in Chromium, on a host page of another origin: no script runs, nothing is
// injected into the launcher's shadow root, and the widget still works in the default language.

let server: Awaited<ReturnType<typeof startNodeServer>>
let host: Awaited<ReturnType<typeof startHostSite>>
let browser: Browser

beforeAll(async () => {
  server = await startNodeServer()
  host = await startHostSite(server.base)
  browser = await launchChromium(['--host-resolver-rules=MAP localhost 127.0.0.1'])
}, 60_000)

afterAll(async () => {
  await browser?.close()
  await host?.stop()
  await server?.stop()
})

const HOSTILE_HTML_LANG = `lang='x"><img src=x onerror="window.__pwned=1">'`

/** The host page with these attributes on `<html>` and on the widget's script tag; what the console said. */
async function visit(htmlAttributes: string, scriptAttributes: string) {
  const context = await browser.newContext({ locale: 'en-GB' })
  const page = await context.newPage()
  const consoleLines: string[] = []
  page.on('console', (message) => consoleLines.push(message.text()))
  await page.goto(`${host.base}/page?html=${encodeURIComponent(htmlAttributes)}&attrs=${encodeURIComponent(scriptAttributes)}`)
  await page.locator('[data-helpfinder] .launcher').waitFor()
  // An injected <img src=x> fails to load a moment later; its onerror would run then.
  await page.waitForLoadState('networkidle')
  return { context, page, consoleLines }
}

async function pwned(page: Page): Promise<unknown> {
  return page.evaluate(() => Reflect.get(window, '__pwned'))
}

/** Elements in the launcher's shadow root that the loader did not build itself. */
async function strangers(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const root = document.querySelector('[data-helpfinder]')?.shadowRoot
    return [...(root?.querySelectorAll('*') ?? [])]
      .map((element) => element.tagName.toLowerCase())
      .filter((tag) => !['button', 'div'].includes(tag))
  })
}

async function openPanel(page: Page): Promise<Frame> {
  await page.locator('[data-helpfinder] .launcher').click()
  const handle = await page.locator('[data-helpfinder] iframe').elementHandle()
  const frame = await handle?.contentFrame()
  if (!frame) throw new Error('no panel frame')
  await frame.waitForLoadState()
  return frame
}

describe('the widget loader and hostile attribute values', () => {
  it('a host page whose <html lang> holds markup: no script runs, no <img> in the shadow root, the widget works in the default language', async () => {
    const { context, page } = await visit(HOSTILE_HTML_LANG, '')
    try {
      expect(await pwned(page)).toBeUndefined()
      expect(await strangers(page)).toEqual([])
      expect(await page.evaluate(() => document.querySelectorAll('img').length)).toBe(0)
      const launcher = page.locator('[data-helpfinder] .launcher')
      expect((await launcher.textContent())?.trim()).toBe(en.widget.launcher)
      expect(await launcher.getAttribute('lang')).toBe('en')
      const frame = await openPanel(page)
      await expect.poll(() => frame.evaluate(() => document.querySelector('main h1')?.textContent?.trim())).toBe(en.flow.asker.prompt)
      expect(await pwned(page)).toBeUndefined()
    } finally {
      await context.close()
    }
  }, 60_000)

  it('a data-lang holding markup is ignored too (and said in the console), never sent to the panel', async () => {
    const { context, page, consoleLines } = await visit(HOSTILE_HTML_LANG, `data-lang='"><img src=y onerror="window.__pwned=2">'`)
    try {
      expect(await pwned(page)).toBeUndefined()
      expect(await strangers(page)).toEqual([])
      expect(await page.locator('[data-helpfinder] .launcher').getAttribute('lang')).toBe('en')
      expect(consoleLines.some((line) => line.includes('data-lang'))).toBe(true)
      const frame = await openPanel(page)
      expect(new URL(frame.url()).searchParams.has('lang')).toBe(false)
      await expect.poll(() => frame.evaluate(() => document.querySelector('main h1')?.textContent?.trim())).toBe(en.flow.asker.prompt)
    } finally {
      await context.close()
    }
  }, 60_000)

  it('the other data-* attributes are checked the same way: what has the wrong shape is left out of the panel', async () => {
    const attributes = `data-partner='"><img src=z>' data-country='<b>DE</b>' data-color='red;}*{display:none' data-position='<x>'`
    const { context, page, consoleLines } = await visit('lang="de"', attributes)
    try {
      expect(await strangers(page)).toEqual([])
      // The host page's own valid language still applies.
      expect(await page.locator('[data-helpfinder] .launcher').getAttribute('lang')).toBe('de')
      for (const name of ['data-partner', 'data-country', 'data-color'])
        expect(
          consoleLines.some((line) => line.includes(name)),
          name,
        ).toBe(true)
      const frame = await openPanel(page)
      const query = new URL(frame.url()).searchParams
      expect([...query.keys()]).toEqual(['accent'])
      expect(query.get('accent')).toMatch(/^#[0-9a-f]{6}$/)
    } finally {
      await context.close()
    }
  }, 60_000)

  it('well-formed settings still reach the panel', async () => {
    const { context, page } = await visit('lang="en"', 'data-country="DE" data-lang="pt-BR" data-color="#7a1f5c"')
    try {
      expect(await page.locator('[data-helpfinder] .launcher').getAttribute('lang')).toBe('pt')
      const frame = await openPanel(page)
      const query = new URL(frame.url()).searchParams
      expect(Object.fromEntries(query)).toEqual({ country: 'DE', lang: 'pt-BR', accent: '#7a1f5c' })
    } finally {
      await context.close()
    }
  }, 60_000)
})
