import { execFileSync, spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { crc32, inflateSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import en from '../locales/en/translation.json'
import { drawTeamsIcons } from '../scripts/teams/drawTeamsIcons'
import { validateTeamsManifest } from '../scripts/teams/validateTeamsManifest'

// The Teams app package as a helpline builds it: `npm run teams:package` with its settings in the
// environment, read back with a zip reader written here from the ZIP format, checked against
// Microsoft's own manifest schema (teams/schema/, vendored with its source commit).

const root = fileURLToPath(new URL('..', import.meta.url))
const folder = mkdtempSync(join(tmpdir(), 'helpfinder-'))
afterAll(() => rmSync(folder, { recursive: true, force: true }))

const APP_ID = '0b7a3c2e-5d4f-4e8a-9c1b-2f3e4d5c6b7a'
const SETTINGS = { MicrosoftAppId: APP_ID, PUBLIC_ORIGIN: 'https://help.example.org', TEAMS_DEVELOPER_NAME: 'Example Helpline "North"' }

/** Runs the package script with only these settings (plus PATH); returns its exit code, output and the zip path. */
function teamsPackage(settings: Record<string, string>, name: string) {
  const out = join(folder, name)
  const result = spawnSync(join(root, 'node_modules/.bin/tsx'), ['scripts/teamsPackage.ts', '--out', out], {
    cwd: root,
    encoding: 'utf8',
    env: { PATH: process.env.PATH, ...settings },
  })
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, out }
}

/** The entries of a ZIP file, read from its central directory, each checked against its local header and CRC-32. */
function readZip(bytes: Buffer): Map<string, Buffer> {
  const end = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]))
  expect(end).toBeGreaterThan(0)
  const count = bytes.readUInt16LE(end + 10)
  let at = bytes.readUInt32LE(end + 16)
  const entries = new Map<string, Buffer>()
  for (let index = 0; index < count; index++) {
    expect(bytes.readUInt32LE(at)).toBe(0x02014b50)
    const method = bytes.readUInt16LE(at + 10)
    const crc = bytes.readUInt32LE(at + 16)
    const size = bytes.readUInt32LE(at + 20)
    const nameLength = bytes.readUInt16LE(at + 28)
    const extra = bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32)
    const local = bytes.readUInt32LE(at + 42)
    const name = bytes.subarray(at + 46, at + 46 + nameLength).toString('utf8')
    expect(bytes.readUInt32LE(local)).toBe(0x04034b50)
    expect(bytes.subarray(local + 30, local + 30 + bytes.readUInt16LE(local + 26)).toString('utf8')).toBe(name)
    const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28)
    const data =
      method === 0 ? bytes.subarray(start, start + size) : inflateSync(bytes.subarray(start, start + bytes.readUInt32LE(at + 24)))
    expect(crc32(data), name).toBe(crc)
    entries.set(name, data)
    at += 46 + nameLength + extra
  }
  return entries
}

/** A PNG's size and colour type from its IHDR, and its pixels when it is unfiltered 8-bit RGBA. */
function readPng(bytes: Buffer) {
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
  expect(bytes.toString('latin1', 12, 16)).toBe('IHDR')
  const width = bytes.readUInt32BE(16)
  const height = bytes.readUInt32BE(20)
  const colourType = bytes.readUInt8(25)
  const idat: Buffer[] = []
  for (let at = 8; at < bytes.length; ) {
    const length = bytes.readUInt32BE(at)
    if (bytes.toString('latin1', at + 4, at + 8) === 'IDAT') idat.push(bytes.subarray(at + 8, at + 8 + length))
    at += 12 + length
  }
  const raw = inflateSync(Buffer.concat(idat))
  const pixels = (x: number, y: number) => {
    expect(raw[y * (width * 4 + 1)], 'row filter').toBe(0)
    return [...raw.subarray(y * (width * 4 + 1) + 1 + x * 4, y * (width * 4 + 1) + 5 + x * 4)]
  }
  return { width, height, colourType, bitDepth: bytes.readUInt8(24), pixels }
}

describe('the Teams app package', () => {
  let built: ReturnType<typeof teamsPackage>
  beforeAll(() => {
    built = teamsPackage(SETTINGS, 'helpfinder-teams.zip')
  })

  it('npm run teams:package writes a zip of exactly manifest.json, color.png and outline.png', () => {
    expect(built.stderr).toBe('')
    expect(built.status).toBe(0)
    expect([...readZip(readFileSync(built.out)).keys()].sort()).toEqual(['color.png', 'manifest.json', 'outline.png'])
  })

  it("the packaged manifest passes Microsoft's schema, with every placeholder filled from the environment", () => {
    const text = readZip(readFileSync(built.out)).get('manifest.json')?.toString('utf8') ?? ''
    expect(text).not.toContain('${{')
    const manifest = JSON.parse(text)
    expect(validateTeamsManifest(manifest)).toEqual([])
    expect(manifest.id).toBe(APP_ID)
    expect(manifest.bots).toEqual([
      {
        botId: APP_ID,
        scopes: ['personal'],
        supportsFiles: false,
        isNotificationOnly: false,
        supportsCalling: false,
        supportsVideo: false,
      },
    ])
    expect(manifest.developer).toEqual({
      name: 'Example Helpline "North"',
      websiteUrl: 'https://help.example.org/',
      privacyUrl: 'https://help.example.org/privacy',
      termsOfUseUrl: 'https://help.example.org/privacy',
    })
    expect(manifest.validDomains).toEqual(['help.example.org'])
    expect(manifest.version).toBe('1.0.0')
  })

  it("takes MICROSOFT_APP_ID (Teams Toolkit's name), a separate Teams app id, a terms page and a version", () => {
    const other = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee'
    const result = teamsPackage(
      {
        MICROSOFT_APP_ID: APP_ID,
        TEAMS_APP_ID: other,
        PUBLIC_ORIGIN: 'https://help.example.org:8443',
        TEAMS_DEVELOPER_NAME: 'Helpline',
        TEAMS_TERMS_URL: 'https://helpline.example/terms',
        TEAMS_APP_VERSION: '1.2.3',
      },
      'alias.zip',
    )
    expect(result.status).toBe(0)
    const manifest = JSON.parse(readZip(readFileSync(result.out)).get('manifest.json')?.toString('utf8') ?? '')
    expect(validateTeamsManifest(manifest)).toEqual([])
    expect([manifest.id, manifest.bots[0].botId, manifest.developer.termsOfUseUrl, manifest.version, manifest.validDomains]).toEqual([
      other,
      APP_ID,
      'https://helpline.example/terms',
      '1.2.3',
      ['help.example.org:8443'],
    ])
  })

  it.each([
    ['no settings at all', {}, /MicrosoftAppId[\s\S]*PUBLIC_ORIGIN[\s\S]*TEAMS_DEVELOPER_NAME/],
    ['an app id that is not a GUID', { ...SETTINGS, MicrosoftAppId: 'my-bot' }, /GUID/],
    ['an http origin', { ...SETTINGS, PUBLIC_ORIGIN: 'http://help.example.org' }, /https/],
    ['an origin with a path', { ...SETTINGS, PUBLIC_ORIGIN: 'https://help.example.org/chat' }, /origin only/],
    ['two different app ids', { ...SETTINGS, MICROSOFT_APP_ID: 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee' }, /differ/],
    ['a publisher name over 32 characters', { ...SETTINGS, TEAMS_DEVELOPER_NAME: 'x'.repeat(33) }, /32/],
  ])('refuses %s, says why, and writes nothing', (_name, settings, reason) => {
    const result = teamsPackage(settings, 'refused.zip')
    expect(result.status).toBe(1)
    expect(result.stderr).toMatch(reason)
    expect(result.stderr).not.toMatch(/\n\s+at /)
    expect(existsSync(result.out)).toBe(false)
  })

  it('the schema check is not vacuous: a manifest with a bad bot id or no developer fails it', () => {
    const manifest = JSON.parse(readZip(readFileSync(built.out)).get('manifest.json')?.toString('utf8') ?? '')
    expect(validateTeamsManifest({ ...manifest, bots: [{ ...manifest.bots[0], botId: 'not-a-guid' }] }).join()).toMatch(/bots\/0\/botId/)
    expect(validateTeamsManifest({ ...manifest, developer: undefined }).join()).toMatch(/developer/)
    expect(validateTeamsManifest({ ...manifest, bots: [{ ...manifest.bots[0], scopes: ['everyone'] }] })).not.toEqual([])
  })

  it("the template names only known placeholders, and its words are the English locale's", () => {
    const template = readFileSync(join(root, 'teams/manifest.json'), 'utf8')
    const names = [...new Set([...template.matchAll(/\$\{\{([A-Z_]+)\}\}/g)].map((match) => match[1]))].sort()
    expect(names).toEqual([
      'MICROSOFT_APP_ID',
      'PUBLIC_HOST',
      'PUBLIC_ORIGIN',
      'TEAMS_APP_ID',
      'TEAMS_APP_VERSION',
      'TEAMS_DEVELOPER_NAME',
      'TEAMS_TERMS_URL',
    ])
    const manifest = JSON.parse(template)
    expect(manifest.name.short).toBe(en.app.title)
    expect(manifest.description.short).toBe(en.app.tagline)
    expect(manifest.description.full).toBe([`${en.app.tagline}.`, en.app.what_it_is, en.app.stores_nothing].join(' '))
  })

  it('the icons have the sizes Teams requires; the outline icon is white on transparent; both are what the generator draws', () => {
    const entries = readZip(readFileSync(built.out))
    const color = readPng(entries.get('color.png') ?? Buffer.alloc(0))
    const outline = readPng(entries.get('outline.png') ?? Buffer.alloc(0))
    expect([color.width, color.height, outline.width, outline.height]).toEqual([192, 192, 32, 32])
    expect([color.colourType, color.bitDepth, outline.colourType, outline.bitDepth]).toEqual([6, 8, 6, 8])
    let seen = 0
    for (let y = 0; y < 32; y++) {
      for (let x = 0; x < 32; x++) {
        const [r, g, b, a] = outline.pixels(x, y)
        if (a === 0) continue
        expect([r, g, b], `outline pixel ${x},${y}`).toEqual([255, 255, 255])
        seen++
      }
    }
    expect(seen).toBeGreaterThan(200)
    expect(outline.pixels(0, 31)[3]).toBe(0)
    const { color: drawnColor, outline: drawnOutline } = drawTeamsIcons()
    expect(
      Buffer.from(drawnColor).equals(readFileSync(join(root, 'teams/color.png'))),
      'teams/color.png is out of date: npm run teams:icons',
    ).toBe(true)
    expect(
      Buffer.from(drawnOutline).equals(readFileSync(join(root, 'teams/outline.png'))),
      'teams/outline.png is out of date: npm run teams:icons',
    ).toBe(true)
  })

  it('the vendored schema is the file its README names (same hash), from microsoft/json-schemas', () => {
    const readme = readFileSync(join(root, 'teams/schema/README.md'), 'utf8')
    const hash = createHash('sha256')
      .update(readFileSync(join(root, 'teams/schema/MicrosoftTeams.schema.json')))
      .digest('hex')
    expect(readme).toContain(hash)
    expect(readme).toMatch(/github\.com\/microsoft\/json-schemas\/blob\/[0-9a-f]{40}\/teams\/v1\.22\/MicrosoftTeams\.schema\.json/)
    expect(JSON.parse(readFileSync(join(root, 'teams/manifest.json'), 'utf8')).manifestVersion).toBe('1.22')
  })

  it('unzip, where installed, reads the package too', () => {
    const unzip = spawnSync('unzip', ['-v'], { encoding: 'utf8' })
    if (unzip.status !== 0) return
    const listing = execFileSync('unzip', ['-t', built.out], { encoding: 'utf8' })
    expect(listing).toContain('No errors detected')
  })
})
