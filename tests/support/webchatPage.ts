import type { Page } from 'playwright-core'
import { expect } from 'vitest'
import en from '../../locales/en/translation.json'

/**
 * What a person does in Web Chat's page (the harness in tests/support/webchatHarness.ts), and the
 * German walk several tests share: "me", "18 or over", a typed country and language (the store middleware page
 * returns the question's value with typed text), "nothing has happened", "no preference", results.
 * @example await webchatTurn(page, () => cardButton(page, en.flow.asker.someone).click(), en.flow.country.prompt)
 */
export const cardButton = (page: Page, title: string) =>
  page.locator('.webchat__adaptive-card-renderer').last().getByRole('button', { name: title, exact: true })

/** Web Chat's transcript. */
export const transcriptOf = (page: Page) => page.locator('.webchat__basic-transcript')

/** Does one thing in Web Chat and waits until the bot's answer to it is on screen, with urgent help on its latest card. */
export async function webchatTurn(page: Page, act: () => Promise<void>, expectText: string): Promise<void> {
  const before = await page.evaluate(() => (window as unknown as { __batches: unknown[] }).__batches.length)
  await act()
  await page.waitForFunction((count) => (window as unknown as { __batches: unknown[] }).__batches.length > count, before, {
    timeout: 10_000,
  })
  await expect.poll(() => transcriptOf(page).innerText(), { timeout: 10_000 }).toContain(expectText)
  await cardButton(page, en.nav.urgent).waitFor({ timeout: 10_000 })
}

/** Types words into Web Chat's send box and sends them. */
export async function typeInWebchat(page: Page, words: string): Promise<void> {
  const box = page.getByPlaceholder('Type your message')
  await box.fill(words)
  await box.press('Enter')
}

/** From the first question to German results (Kein Täter werden), as a person in Germany would click and type. */
export async function walkToGermanResults(page: Page): Promise<void> {
  await webchatTurn(page, () => cardButton(page, en.flow.asker.self).click(), en.flow.age.prompt)
  await webchatTurn(page, () => cardButton(page, en.flow.age.adult).click(), en.flow.country.prompt)
  await webchatTurn(page, () => typeInWebchat(page, 'Deutschland'), en.flow.language.prompt)
  await webchatTurn(page, () => typeInWebchat(page, 'Deutsch'), en.flow.stage.prompt_self)
  await webchatTurn(page, () => cardButton(page, en.flow.stage.nothing_happened).click(), en.flow.channels.prompt)
  await webchatTurn(
    page,
    async () => {
      await page
        .locator('.webchat__adaptive-card-renderer')
        .last()
        .getByRole('checkbox', { name: en.flow.channels.any, exact: true })
        .check()
      await cardButton(page, en.nav.continue).click()
    },
    en.flow.anonymity.prompt,
  )
  await webchatTurn(page, () => cardButton(page, en.flow.anonymity.not_needed).click(), 'Kein Täter werden')
}
