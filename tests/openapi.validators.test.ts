import { execFile } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import SwaggerParser from '@apidevtools/swagger-parser'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as z from 'zod'
import { startNodeServer } from './support/startNodeServer'

// Two independent validators, as an integrator would run them, on the document a real server serves.
const REDOCLY = join(process.cwd(), 'node_modules', '.bin', 'redocly')
const CONFIG = join(process.cwd(), 'redocly.yaml')
const PUBLIC_ORIGIN = 'https://help.example.org'

const LintReport = z.object({
  totals: z.object({ errors: z.number(), warnings: z.number() }),
  problems: z.array(z.object({ ruleId: z.string(), severity: z.string(), message: z.string() })),
})

let server: Awaited<ReturnType<typeof startNodeServer>>
let folder: string
beforeAll(async () => {
  server = await startNodeServer()
  folder = mkdtempSync(join(tmpdir(), 'helpfinder-openapi-'))
})
afterAll(async () => {
  await server.stop()
  rmSync(folder, { recursive: true, force: true })
})

async function servedDocument(base: string): Promise<Record<string, unknown>> {
  const response = await fetch(`${base}/api/v1/openapi.json`)
  expect(response.status).toBe(200)
  expect(response.headers.get('content-type')).toContain('application/json')
  return z.record(z.string(), z.unknown()).parse(await response.json())
}

/** A copy of the document in the temporary folder, for the validators to read as a file. */
function saved(document: unknown, name: string): string {
  const file = join(folder, `${name}.json`)
  writeFileSync(file, JSON.stringify(document))
  return file
}

/** @apidevtools/swagger-parser's validation of a saved copy: resolves to the document, or throws what is wrong. */
function swaggerValidate(document: unknown, name: string) {
  return SwaggerParser.validate(saved(document, name))
}

/** Redocly CLI's lint with the repo's redocly.yaml on a copy of the document; its exit code and JSON report. */
async function redoclyLint(document: unknown, name: string): Promise<{ exitCode: number; report: z.infer<typeof LintReport> }> {
  const file = saved(document, name)
  const env = { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_COLOR: '1' }
  const run = promisify(execFile)(REDOCLY, ['lint', file, '--config', CONFIG, '--format=json'], { env, maxBuffer: 16 * 1024 * 1024 })
  const { exitCode, stdout } = await run.then(
    ({ stdout }) => ({ exitCode: 0, stdout }),
    (failure: unknown) =>
      z
        .object({ code: z.number(), stdout: z.string() })
        .transform(({ code, stdout }) => ({ exitCode: code, stdout }))
        .parse(failure),
  )
  return { exitCode, report: LintReport.parse(JSON.parse(stdout)) }
}

/** The rules redocly.yaml keeps as warnings on purpose, each with its reason there. */
function rulesKeptAsWarnings(): string[] {
  return [...readFileSync(CONFIG, 'utf8').matchAll(/^\s+([a-z0-9-]+):\s*warn\s*$/gm)].map((match) => match[1] ?? '')
}

describe('the served OpenAPI document', () => {
  it('is valid for @apidevtools/swagger-parser', async () => {
    const document = await servedDocument(server.base)
    await expect(swaggerValidate(document, 'served')).resolves.toMatchObject({ openapi: '3.1.0' })
  })

  it('passes Redocly CLI lint (recommended rules, redocly.yaml) with no errors, and warns only where redocly.yaml says why', async () => {
    const { exitCode, report } = await redoclyLint(await servedDocument(server.base), 'served')
    expect(report.totals.errors, JSON.stringify(report.problems, null, 1)).toBe(0)
    expect(exitCode).toBe(0)
    const allowed = rulesKeptAsWarnings()
    expect(allowed.length).toBeGreaterThan(0)
    for (const problem of report.problems) expect(allowed, `${problem.ruleId}: ${problem.message}`).toContain(problem.ruleId)
  })

  it("both validators really refuse a broken document (a reference into zod's $defs, as the old document had)", async () => {
    const document = await servedDocument(server.base)
    const broken = { ...document, paths: { ...z.record(z.string(), z.unknown()).parse(document.paths), '/broken': brokenPath } }
    await expect(swaggerValidate(broken, 'broken')).rejects.toThrow(/\$defs\/TurnRequest/)
    const { exitCode, report } = await redoclyLint(broken, 'broken')
    expect(exitCode).not.toBe(0)
    expect(report.problems.map((problem) => problem.ruleId)).toContain('no-unresolved-refs')
  })

  it('states what an integrator needs: operation ids, no credentials, a licence, servers', async () => {
    const document = await servedDocument(server.base)
    expect(document.security).toEqual([])
    expect(document.info).toMatchObject({ license: { identifier: 'CC-BY-4.0' } })
    expect(document.servers).toEqual([{ url: '/', description: expect.stringContaining('PUBLIC_ORIGIN') }])
    const text = JSON.stringify(document.paths)
    for (const id of ['"takeTurn"', '"getOpenApiDocument"']) expect(text).toContain(id)
  })
})

describe('with PUBLIC_ORIGIN set', () => {
  it('names the configured origin as its server, and still lints clean', async () => {
    const named = await startNodeServer({ publicOrigin: PUBLIC_ORIGIN })
    try {
      const document = await servedDocument(named.base)
      expect(z.array(z.object({ url: z.string() })).parse(document.servers)[0]?.url).toBe(PUBLIC_ORIGIN)
      await expect(swaggerValidate(document, 'named')).resolves.toMatchObject({ servers: [{ url: PUBLIC_ORIGIN }] })
      const { exitCode, report } = await redoclyLint(document, 'named')
      expect([exitCode, report.totals.errors]).toEqual([0, 0])
    } finally {
      await named.stop()
    }
  })
})

const brokenPath = {
  post: {
    operationId: 'broken',
    summary: 'A request body pointing into $defs, which an OpenAPI document does not have',
    requestBody: { content: { 'application/json': { schema: { $ref: '#/$defs/TurnRequest' } } } },
    responses: { '200': { description: 'ok' }, '400': { description: 'bad' } },
  },
}
