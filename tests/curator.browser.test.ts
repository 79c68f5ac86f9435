import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { axe } from './support/axe'
import { launchChromium } from './support/chromium'
import { addCurators } from './support/consoleClient'
import { answerAll } from './support/formConversation'
import { startNodeServer } from './support/startNodeServer'

// The curator console in headless Chromium, as a curator at a national helpline uses it, with
// JavaScript on and off. The server runs on `localhost`, where Chromium accepts Secure (__Host-) cookies over http.
let server: Awaited<ReturnType<typeof startNodeServer>>
let browser: Browser
const PASSWORD = 'a long pass phrase'

beforeAll(async () => {
  // The console's clock runs 400 days ahead: every record is then due for checking (the seed was checked "today").
  server = await startNodeServer({
    hostname: 'localhost',
    console: {
      now: () => new Date(Date.now() + 400 * 86_400_000),
      throttle: {
        perLogin: { failures: 3, windowMs: 15 * 60_000, lockMs: 15 * 60_000 },
        global: { freeAttempts: 100, windowMs: 60_000, spacingMs: 500, maxWaitMs: 4_000, maxInFlight: 8 },
      },
    },
  })
  await addCurators(server.databaseFile, [
    { login: 'anna', displayName: 'Anna Admin', role: 'admin', password: PASSWORD },
    { login: 'dieter', displayName: 'Dieter', role: 'editor', country: 'DE', password: PASSWORD },
    { login: 'erika', displayName: 'Erika', role: 'editor', country: 'AT', password: PASSWORD },
  ])
  browser = await launchChromium()
}, 120_000)
afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

/** A fresh browser profile; every response's Set-Cookie headers are collected per URL path. */
async function profile(javaScriptEnabled: boolean) {
  const context = await browser.newContext({ locale: 'en-GB', javaScriptEnabled })
  const page = await context.newPage()
  const setCookies: { path: string; cookie: string }[] = []
  // headers() leaves Set-Cookie out; headerValue reads the raw header.
  page.on('response', async (response) => {
    const cookie = await response.headerValue('set-cookie').catch(() => null)
    if (cookie) setCookies.push({ path: new URL(response.url()).pathname, cookie })
  })
  return { context, page, setCookies }
}

async function logIn(page: Page, login: string, password: string) {
  await page.goto(`${server.base}/admin/login`)
  await page.getByLabel('Login name').fill(login)
  await page.getByLabel('Password').fill(password)
  await page.getByRole('button', { name: 'Log in' }).click()
}

async function sessionCookie(context: BrowserContext) {
  return (await context.cookies()).find((cookie) => cookie.name === '__Host-hf-session')
}

describe('curator console accessibility', () => {
  it('axe finds nothing on the login, records, record, history, import preview, staleness and partners pages', async () => {
    const context = await browser.newContext({ locale: 'en-GB', bypassCSP: true })
    const page = await context.newPage()
    const found: string[] = []
    const scan = async (label: string) => found.push(...(await axe(page)).map((violation) => `${label}: ${violation}`))
    await page.goto(`${server.base}/admin/login`)
    await scan('login')
    await logIn(page, 'anna', 'not the password')
    await scan('login error')
    await logIn(page, 'anna', PASSWORD)
    await expect.poll(() => page.url()).toContain('/admin/records')
    await scan('records')
    for (const path of [
      '/admin/records/kein-taeter-werden',
      '/admin/records/kein-taeter-werden/history',
      '/admin/records/new',
      '/admin/records/kein-taeter-werden/retire',
      '/admin/dashboard',
      '/admin/partners',
      '/admin/account',
      '/admin/events',
      '/admin/import',
    ]) {
      await page.goto(`${server.base}${path}`)
      await scan(path)
    }
    await page
      .getByLabel('File (.csv or .json)')
      .setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"initiatives":[{"id":"x"}]}') })
    await page.getByRole('button', { name: 'Preview the import' }).click()
    await expect.poll(() => page.locator('main').textContent()).toContain('cannot be imported')
    await scan('import preview')
    await page.goto(`${server.base}/admin/records/new`)
    await page.getByRole('button', { name: 'Create the record' }).click()
    await expect.poll(() => page.getByRole('alert').count()).toBeGreaterThan(0)
    await scan('record form with errors')
    expect(found).toEqual([])
    await context.close()
  }, 120_000)
})

describe.each([true, false])('curator console in Chromium (JavaScript %s)', (javaScriptEnabled) => {
  it('logs in, confirms a record as checked, sees the audit entry, logs out', async () => {
    const { context, page } = await profile(javaScriptEnabled)
    await logIn(page, 'anna', PASSWORD)
    await expect.poll(() => page.url()).toContain('/admin/records')
    const cookie = await sessionCookie(context)
    expect(cookie).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Strict', path: '/' })

    // Each run confirms a different record (the other run's is already confirmed).
    const [search, link] = javaScriptEnabled ? ['stop it now', /Stop It Now/] : ['kein tater', /Kein Täter/]
    await page.getByLabel('Search').fill(search)
    await page.getByRole('button', { name: 'Filter' }).click()
    const row = page.locator('tr', { has: page.getByRole('link', { name: link }) }).first()
    const name = (await row.getByRole('link').first().textContent()) ?? ''
    await row.getByRole('button', { name: /Confirm checked today/ }).click()
    await expect.poll(() => page.getByRole('status').textContent()).toContain('confirmed as checked today')
    await page.goto(`${server.base}/admin/records`)
    await page.getByRole('link', { name }).first().click()
    await page.goto(page.url().replace(/\/?$/, '/history'))
    await expect.poll(() => page.locator('main').textContent()).toMatch(/Anna Admin · confirmed as checked/)

    await page.getByRole('button', { name: 'Log out' }).click()
    await expect.poll(() => page.getByRole('status').textContent()).toContain('You are logged out')
    expect(await sessionCookie(context)).toBeUndefined()
    await page.goto(`${server.base}/admin/records`)
    expect(new URL(page.url()).pathname).toBe('/admin/login')
    await context.close()
  }, 120_000)

  it('edits the phone hours of a service; the history shows before and after; public results show the new hours at once', async () => {
    const { context, page } = await profile(javaScriptEnabled)
    await logIn(page, 'dieter', PASSWORD)
    await expect.poll(() => page.url()).toContain('/admin/records')
    const hours = `Mon–Thu 10:00–16:00 (browser test, JavaScript ${javaScriptEnabled ? 'on' : 'off'})`
    await page.goto(`${server.base}/admin/records/ppj-du-traeumst-von-ihnen`)
    const phone = page.getByRole('group', { name: /Contact 1 \(phone\)/ })
    await phone.getByLabel('Hours').fill(hours)
    await page.getByRole('button', { name: 'Save changes' }).click()
    await expect.poll(() => page.getByRole('status').first().textContent()).toMatch(/saved/i)
    await page
      .getByRole('link', { name: /History/ })
      .first()
      .click()
    const history = (await page.locator('main').textContent()) ?? ''
    expect(history).toContain('Dieter · edited')
    expect(history).toContain(hours)
    expect(history).toContain('Mon-Wed 15:00-17:00')

    const results = (await answerAll(server.base, ['young', 'DE', 'de', 'young_behaviour', ['any'], 'not_needed'])).at(-1)?.html ?? ''
    expect(results).toContain(hours.slice(0, 21))
    await context.close()
  }, 120_000)

  it('a wrong password gets the generic message; a locked-out name stays locked even with the right password', async () => {
    const { context, page } = await profile(javaScriptEnabled)
    const login = javaScriptEnabled ? 'erika' : 'nobody'
    for (let attempt = 0; attempt < 3; attempt += 1) {
      await logIn(page, login, `wrong ${attempt}`)
      await expect.poll(() => page.getByRole('alert').textContent()).toContain('The login name or the password is not right')
    }
    await logIn(page, login, PASSWORD)
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Too many failed attempts for this login name')
    expect(await sessionCookie(context)).toBeUndefined()
    await context.close()
  }, 120_000)

  it('refuses a form whose CSRF token is missing, and changes nothing', async () => {
    const { context, page } = await profile(javaScriptEnabled)
    await logIn(page, 'anna', PASSWORD)
    await expect.poll(() => page.url()).toContain('/admin/records')
    // Without JavaScript in the page, the test removes the field through a separate JS-enabled page of the same profile.
    const form = page.locator('form[action$="/confirm"]').first()
    const action = (await form.getAttribute('action')) ?? ''
    const id = action.split('/')[3] ?? ''
    const before = await (await context.request.get(`${server.base}/admin/records/${id}/history`)).text()
    if (javaScriptEnabled) {
      await form.locator('input[name=csrf]').evaluate((input) => input.remove())
      await form.getByRole('button').click()
    } else {
      // No script can run in this page: post the same form without its token, as a forged page would.
      const response = await context.request.post(`${server.base}${action}`, {
        form: { back: '/admin/records' },
        headers: { origin: server.base },
      })
      expect(response.status()).toBe(403)
      await page.goto(`${server.base}/admin/records`)
    }
    if (javaScriptEnabled) {
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Form refused')
      expect(await page.getByRole('alert').textContent()).toContain('Nothing was changed')
    }
    const after = await (await context.request.get(`${server.base}/admin/records/${id}/history`)).text()
    expect(after.match(/<li>/g)?.length ?? 0).toBe(before.match(/<li>/g)?.length ?? 0)
    await context.close()
  }, 120_000)

  it('the public pages set no cookie, before or after a curator logs in in the same browser', async () => {
    const { context, page, setCookies } = await profile(javaScriptEnabled)
    await page.goto(`${server.base}/`)
    await logIn(page, 'anna', PASSWORD)
    await expect.poll(() => page.url()).toContain('/admin/records')
    for (const path of ['/', '/about', '/demo']) await page.goto(`${server.base}${path}`)
    await page.goto(`${server.base}/`)
    await page.getByRole('button', { name: 'Urgent help' }).first().click()
    await expect.poll(() => page.locator('main').textContent()).toBeTruthy()
    const publicCookies = setCookies.filter((entry) => !entry.path.startsWith('/admin'))
    expect(publicCookies).toEqual([])
    expect(setCookies.length).toBeGreaterThan(0)
    // The only cookies the browser holds are the console's own.
    expect((await context.cookies()).map((cookie) => cookie.name).every((name) => name.startsWith('__Host-hf-'))).toBe(true)
    await context.close()
  }, 120_000)

  it('a broken import file uploaded through the browser is previewed with its reasons and changes nothing', async () => {
    const { context, page } = await profile(javaScriptEnabled)
    await logIn(page, 'anna', PASSWORD)
    await expect.poll(() => page.url()).toContain('/admin/records')
    const before = await (await context.request.get(`${server.base}/admin/export/initiatives.json`)).text()
    await page.goto(`${server.base}/admin/import`)
    const broken = JSON.stringify({
      initiatives: [
        { id: 'Not An Id', name: '' },
        { id: 'stop-it-now-nl', website: 'http://plain.example' },
      ],
    })
    await page
      .getByLabel('File (.csv or .json)')
      .setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(broken) })
    await page.getByRole('button', { name: 'Preview the import' }).click()
    await expect.poll(() => page.getByRole('alert').first().textContent()).toContain('nothing has been changed')
    expect(await page.locator('main').textContent()).toContain('cannot be imported')
    expect(await page.getByRole('button', { name: 'Apply all of it' }).count()).toBe(0)
    expect(await (await context.request.get(`${server.base}/admin/export/initiatives.json`)).text()).toBe(before)
    await context.close()
  }, 120_000)
})
