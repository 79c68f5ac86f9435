import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { Frame, Page } from 'playwright-core'

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']

/**
 * axe-core's WCAG 2.x A/AA rules on a document; returns the violations, described.
 * `bestPractice` adds axe's best-practice rules too (landmarks, heading order, one h1, region).
 * @example expect(await axe(page, { bestPractice: true })).toEqual([])
 */
export async function axe(target: Page | Frame, options: { bestPractice?: boolean } = {}): Promise<string[]> {
  const tags = options.bestPractice ? [...WCAG, 'best-practice'] : WCAG
  await target.evaluate(AXE)
  const violations = await target.evaluate(async (values) => {
    const run = (
      window as unknown as {
        axe: { run: (context: Document, options: object) => Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }> }
      }
    ).axe.run
    const result = await run(document, { runOnly: { type: 'tag', values } })
    return result.violations.map((violation) => `${violation.id}: ${JSON.stringify(violation.nodes.map((node) => node.target))}`)
  }, tags)
  return violations
}
