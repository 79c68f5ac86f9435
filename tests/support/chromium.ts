import { existsSync } from 'node:fs'
import { chromium, type Browser } from 'playwright-core'

const CHROMIUM = '/usr/bin/chromium'
/** Headless, no background traffic of its own; `extra` adds flags (e.g. host-resolver rules). */
const LAUNCH_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]

/**
 * Debian's Chromium through playwright-core, or a clear message on how to install it.
 * @example const browser = await launchChromium()
 */
export async function launchChromium(extra: string[] = []): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Browser tests need Debian's Chromium at ${CHROMIUM}, and it is missing. Install it with \`apt-get install chromium\` (CI installs it).`,
    )
  }
  return chromium.launch({ executablePath: CHROMIUM, args: [...LAUNCH_ARGS, ...extra], timeout: 60_000 })
}
