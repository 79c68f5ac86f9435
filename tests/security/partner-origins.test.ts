import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { checkData, projectData } from '../../scripts/checkData'
import { DEVELOPMENT_ORIGINS } from '../../src/core/directory/embedOrigin'
import { loadBundledData } from '../../src/storage/bundledData'
import { addCurators, consoleClient } from '../support/consoleClient'
import { startNodeServer } from '../support/startNodeServer'
import { testPartner } from '../support/testPartner'

// Security review, Low 13: partner origins accepted meaningless values (`https://-.-`, `:99999`) and
// `http://localhost:*` on a production server, and the console's embed snippets reflected the
// request's Host header. Replayed through the console's partner form, data:check and the widget's
// frame-ancestors, and with a client that sends `Host: evil.example`.

const root = fileURLToPath(new URL('../..', import.meta.url))
const scratch = mkdtempSync(join(tmpdir(), 'helpfinder-'))
const PASSWORD = 'a long pass phrase'
const data = loadBundledData()
// Today: the data holds checks made up to today, and a check day after "today" is refused.
const today = new Date()

const REFUSED = [
  'https://-.-',
  'https://x:99999',
  'http://localhost:3000',
  'javascript:alert(1)',
  'https://a.b/path',
  'https://x',
  'https://127.0.0.1',
  'https://a.b:0',
  'https://a-.example',
  'http://helpline.example',
]
const ACCEPTED = [
  'self',
  'https://helpline.example',
  'https://www.help-line.example:8443',
  'https://xn--hilfe-gva.example',
  'https://a.b:65535',
]
const LOOPBACK = ['http://localhost:3000', 'http://localhost:*', 'http://127.0.0.1:8080', 'http://localhost']

/** A complete partner form, as the console's page would post it. */
function partnerForm(csrf: string, id: string, origins: string): Record<string, string> {
  return {
    csrf,
    id,
    name: 'Origin Test Helpline (fictional)',
    fictional: 'on',
    origins,
    featured: '',
    defaultCountry: '',
    defaultLanguage: '',
    lastChecked: '2026-11-20',
    notes: '',
    baseVersion: '',
  }
}

/** data:check on the project's data with data/partners.json replaced by one partner listing `origins`. */
function checkPartnerOrigins(origins: string[], rules = undefined as typeof DEVELOPMENT_ORIGINS | undefined): string[] {
  const file = join(scratch, `partners-${Math.random().toString(36).slice(2)}.json`)
  writeFileSync(file, JSON.stringify({ partners: [testPartner({ id: 'origin-test', origins })] }))
  return checkData({ ...projectData, partners: file }, today, () => undefined, rules)
}

/** A GET with the curator's cookies and a Host header of the client's choosing (fetch will not send one). */
function getWithHost(base: string, path: string, host: string, cookie: string): Promise<{ status: number; body: string }> {
  const url = new URL(path, base)
  return new Promise((resolve, reject) => {
    const sent = request({ host: url.hostname, port: url.port, path: url.pathname, headers: { host, cookie } }, (response) => {
      let body = ''
      response.setEncoding('utf8')
      response.on('data', (chunk: string) => (body += chunk))
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }))
    })
    sent.on('error', reject)
    sent.end()
  })
}

type Server = Awaited<ReturnType<typeof startNodeServer>>
const servers: Server[] = []
async function serverWithAdmin(options: Parameters<typeof startNodeServer>[0]) {
  const server = await startNodeServer(options)
  servers.push(server)
  await addCurators(server.databaseFile, [{ login: 'anna', displayName: 'Anna Admin', role: 'admin', password: PASSWORD }])
  const admin = consoleClient(server.base)
  expect((await admin.login('anna', PASSWORD)).status).toBe(303)
  return { server, admin }
}

/** The frame-ancestors a partner's widget panel sends. */
async function frameAncestors(server: Server, partner: string): Promise<string | undefined> {
  const response = await fetch(`${server.base}/widget/panel?partner=${partner}`)
  expect(response.status).toBe(200)
  return /frame-ancestors ([^;]+)(?:;|$)/.exec(response.headers.get('content-security-policy') ?? '')?.[1]
}

let production: Awaited<ReturnType<typeof serverWithAdmin>>
let development: Awaited<ReturnType<typeof serverWithAdmin>>
beforeAll(async () => {
  // A partner stored with a loopback origin (as a development database would hold it).
  const seed = {
    ...data,
    partners: [...data.partners, testPartner({ id: 'stored-loopback', origins: ['https://helpline.example', 'http://localhost:*'] })],
  }
  production = await serverWithAdmin({ seed })
  development = await serverWithAdmin({ seed, embedOrigins: DEVELOPMENT_ORIGINS, publicOrigin: 'https://help.example.org' })
}, 90_000)
afterAll(async () => {
  for (const server of servers) await server.stop()
  rmSync(scratch, { recursive: true, force: true })
})

describe('the console partner form', () => {
  it.each(REFUSED)('refuses %s beside the origins field and adds nothing', async (origin) => {
    const { admin } = production
    const id = `refused-${REFUSED.indexOf(origin)}`
    const response = await admin.post('/admin/partners/new', partnerForm(await admin.csrf(), id, origin))
    expect(response.status).toBe(422)
    const html = await response.text()
    expect(html).toMatch(/<p class="field-error" id="origins-error">Not an origin the widget can allow: /)
    expect((await admin.get(`/admin/partners/${id}`)).status).toBe(404)
  })

  it('accepts host names with a dot, ports 1–65535 and self', async () => {
    const { server, admin } = production
    const response = await admin.post('/admin/partners/new', partnerForm(await admin.csrf(), 'accepted-origins', ACCEPTED.join('\n')))
    expect(response.status).toBe(303)
    expect(await frameAncestors(server, 'accepted-origins')).toBe(["'self'", ...ACCEPTED.slice(1)].join(' '))
  })

  it('accepts loopback origins only with the development flag (PARTNER_DEV_ORIGINS=on)', async () => {
    const refused = await production.admin.post(
      '/admin/partners/new',
      partnerForm(await production.admin.csrf(), 'loopback-production', LOOPBACK.join('\n')),
    )
    expect(refused.status).toBe(422)
    const accepted = await development.admin.post(
      '/admin/partners/new',
      partnerForm(await development.admin.csrf(), 'loopback-development', LOOPBACK.join('\n')),
    )
    expect(accepted.status).toBe(303)
    expect(await frameAncestors(development.server, 'loopback-development')).toBe(LOOPBACK.join(' '))
  })
})

describe('the widget on a production server', () => {
  it('never names a stored loopback origin in frame-ancestors (fails closed for it)', async () => {
    expect(await frameAncestors(production.server, 'stored-loopback')).toBe('https://helpline.example')
    expect(await frameAncestors(development.server, 'stored-loopback')).toBe('https://helpline.example http://localhost:*')
  })
})

describe('data:check', () => {
  it.each(REFUSED)('reports %s with the partner id', (origin) => {
    expect(checkPartnerOrigins([origin])).toEqual([
      expect.stringMatching(
        /^data\/partners\.json: partners\[0\] \(id origin-test\)\.origins\[0\]: must be "self" or an https:\/\/ origin/,
      ),
    ])
  })

  it('accepts the valid ones, and loopback only with the development flag', () => {
    expect(checkPartnerOrigins(ACCEPTED)).toEqual([])
    expect(checkPartnerOrigins(LOOPBACK)).toHaveLength(LOOPBACK.length)
    expect(checkPartnerOrigins(LOOPBACK, DEVELOPMENT_ORIGINS)).toEqual([])
  })

  it('passes data/partners.json (its fictional demo partner) in the default, production mode', () => {
    expect(checkData(projectData, today)).toEqual([])
  })

  it('npm run data:check reads the flag from PARTNER_DEV_ORIGINS and says so', () => {
    const { PARTNER_DEV_ORIGINS: _unset, ...env } = process.env
    const run = (extra: Record<string, string>) =>
      spawnSync(join(root, 'node_modules/.bin/tsx'), ['scripts/dataCheck.ts'], { cwd: root, encoding: 'utf8', env: { ...env, ...extra } })
    const plain = run({})
    expect(plain.status, plain.stderr).toBe(0)
    expect(plain.stdout).not.toContain('PARTNER_DEV_ORIGINS')
    const flagged = run({ PARTNER_DEV_ORIGINS: 'on' })
    expect(flagged.status, flagged.stderr).toBe(0)
    expect(flagged.stdout).toContain('note: PARTNER_DEV_ORIGINS=on')
  }, 60_000)
})

describe('the embed snippet', () => {
  it('never contains the Host header a client sends; without PUBLIC_ORIGIN it shows a placeholder and how to set it', async () => {
    const { server, admin } = production
    const cookie = [...admin.jar].map(([name, value]) => `${name}=${value}`).join('; ')
    const page = await getWithHost(server.base, '/admin/partners/demo-helpline', 'evil.example', cookie)
    expect(page.status).toBe(200)
    expect(page.body).not.toContain('evil.example')
    expect(page.body).toContain(
      '&lt;script src=&quot;https://&lt;your Helpfinder address&gt;/widget.js&quot; data-partner=&quot;demo-helpline&quot;',
    )
    expect(page.body).toContain('<code>PUBLIC_ORIGIN</code>')
    // Nor the address the request really came in on.
    expect(page.body).not.toContain(new URL(server.base).host)
  })

  it('shows PUBLIC_ORIGIN when it is set, whatever Host the client sends', async () => {
    const { server, admin } = development
    const cookie = [...admin.jar].map(([name, value]) => `${name}=${value}`).join('; ')
    const page = await getWithHost(server.base, '/admin/partners/demo-helpline', 'evil.example', cookie)
    expect(page.status).toBe(200)
    expect(page.body).not.toContain('evil.example')
    expect(page.body).toContain('&lt;script src=&quot;https://help.example.org/widget.js&quot;')
    expect(page.body).toContain('src=&quot;https://help.example.org/widget/panel?partner=demo-helpline')
    expect(page.body).not.toContain('your Helpfinder address')
  })

  it('the public /demo page names PUBLIC_ORIGIN or the placeholder in its snippets, never the Host header', async () => {
    const placeholder = await getWithHost(production.server.base, '/demo', 'evil.example', '')
    expect(placeholder.status).toBe(200)
    expect(placeholder.body).not.toContain('evil.example')
    expect(placeholder.body).toContain('&lt;script src=&quot;https://&lt;your Helpfinder address&gt;/widget.js&quot;')
    const named = await getWithHost(development.server.base, '/demo', 'evil.example', '')
    expect(named.body).not.toContain('evil.example')
    expect(named.body).toContain('&lt;script src=&quot;https://help.example.org/widget.js&quot;')
  })
})
