/**
 * Bundles the Worker exactly as `wrangler deploy` would (wrangler.toml: nodejs_compat, the
 * botframework-connector alias, data/ and locales/ inlined as JSON), minified, without uploading.
 *
 * Run: npx tsx scripts/buildWorker.ts [outdir]   (default dist/worker; the bundle is worker.js)
 */
import { spawn } from 'node:child_process'
import { statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))

/**
 * Builds the worker bundle into `outdir` with wrangler's own bundler; a failed build rejects with wrangler's output.
 * @example const { outfile, bytes } = await buildWorker(mkdtempSync(join(tmpdir(), 'helpfinder-worker-')))
 */
export async function buildWorker(outdir = resolve(root, 'dist/worker')): Promise<{ outfile: string; bytes: number }> {
  const wrangler = resolve(root, 'node_modules/wrangler/bin/wrangler.js')
  const args = [wrangler, 'deploy', '--dry-run', '--minify', '--outdir', outdir, '--config', resolve(root, 'wrangler.toml')]
  // No metrics, no update check, no network: the dry run only bundles.
  const env = { ...process.env, WRANGLER_SEND_METRICS: 'false', WRANGLER_LOG: 'error', CI: 'true' }
  const output = await new Promise<string>((done, fail) => {
    const child = spawn(process.execPath, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] })
    let text = ''
    child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')))
    child.stderr.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')))
    child.on('error', fail)
    child.on('close', (code) => (code === 0 ? done(text) : fail(new Error(`wrangler could not bundle the worker:\n${text}`))))
  })
  const outfile = join(outdir, 'worker.js')
  const bytes = statSync(outfile, { throwIfNoEntry: false })?.size
  if (!bytes) throw new Error(`wrangler wrote no worker.js:\n${output}`)
  return { outfile, bytes }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { outfile, bytes } = await buildWorker(process.argv[2] ? resolve(process.argv[2]) : undefined)
  process.stdout.write(`${outfile}: ${(bytes / 1024).toFixed(1)} KiB\n`)
}
