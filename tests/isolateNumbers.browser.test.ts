import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import ar from '../locales/ar/translation.json'
import { isolateNumbers } from '../src/channels/shared/isolateNumbers'
import { launchChromium } from './support/chromium'

// Issue 20: what the isolates are for, seen in a real right-to-left text renderer (Chromium's). A
// right-to-left chat bubble or a note pasted into a right-to-left editor is plain text in a
// right-to-left paragraph: there "0800 111 0 111" is laid out with its groups reversed
// ("111 0 111 0800" read left to right) unless the number is isolated left to right.

let browser: Browser
let page: Page
beforeAll(async () => {
  browser = await launchChromium()
  page = await browser.newPage()
  await page.setContent('<!doctype html><meta charset="utf-8"><body></body>')
}, 60_000)
afterAll(async () => browser?.close())

/**
 * Where each of these pieces of `text` starts on screen, left to right, as plain text in a
 * right-to-left paragraph; each piece looked for after the one before (the first after `after`).
 */
async function leftEdges(text: string, pieces: string[], after = ''): Promise<number[]> {
  return page.evaluate(
    ({ text, pieces, after }) => {
      const paragraph = document.createElement('p')
      paragraph.dir = 'rtl'
      paragraph.style.cssText = 'font-size:20px;width:1200px'
      paragraph.textContent = text
      document.body.replaceChildren(paragraph)
      const node = paragraph.firstChild
      if (!node) return []
      let from = text.indexOf(after) + after.length
      return pieces.map((piece) => {
        const at = text.indexOf(piece, from)
        from = at + piece.length
        const range = document.createRange()
        range.setStart(node, at)
        range.setEnd(node, at + piece.length)
        return range.getBoundingClientRect().left
      })
    },
    { text, pieces, after },
  )
}

const inOrder = (edges: number[]) => edges.every((edge, at) => at === 0 || edge > (edges[at - 1] ?? Number.POSITIVE_INFINITY))

describe('numbers in a right-to-left paragraph of plain text', () => {
  const sentence = ar.urgent.call_first.replace('{{number}}', '0800 111 0 111')
  const groups = ['0800', '111', '0', '111']

  it('without isolates, the groups of a number come out reversed', async () => {
    const edges = await leftEdges(sentence, groups)
    expect(edges).toHaveLength(4)
    expect(inOrder(edges)).toBe(false)
    expect(edges[0]).toBeGreaterThan(edges[3] ?? 0)
  })

  it('isolated, they read left to right in order, in a sentence and as a card’s "label: number" line', async () => {
    expect(inOrder(await leftEdges(isolateNumbers(sentence, 'rtl'), groups))).toBe(true)
    const line = isolateNumbers('الهاتف: +44 1372 847 161 (للمكالمات من: المملكة المتحدة)', 'rtl')
    expect(inOrder(await leftEdges(line, ['+44', '1372', '847', '161']))).toBe(true)
    const eu = isolateNumbers(ar.urgent.eu, 'rtl')
    expect(inOrder(await leftEdges(eu, ['116', '111']))).toBe(true)
    // "و116 123": the number joined to the Arabic "and" before it.
    expect(inOrder(await leftEdges(eu, ['116', '123'], '\u0648\u2066'))).toBe(true)
  })
})
