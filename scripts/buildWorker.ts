/**
 * Bundles the Workers entry (src/runtime/worker.ts) into one ES module, the way wrangler would:
 * no Node built-ins, workerd/worker/browser package conditions, data/ and locales/ inlined as JSON.
 *
 * Run: npx tsx scripts/buildWorker.ts [outfile]   (default dist/worker/worker.js)
 */
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

const root = fileURLToPath(new URL('..', import.meta.url))

/**
 * Builds the worker bundle; a Node-only import (node:*, better-sqlite3) fails the build.
 * @example const { outfile, bytes } = await buildWorker('/tmp/x/worker.js')
 */
export async function buildWorker(outfile = resolve(root, 'dist/worker/worker.js')): Promise<{ outfile: string; bytes: number }> {
  const result = await build({
    absWorkingDir: root,
    entryPoints: [resolve(root, 'src/runtime/worker.ts')],
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    target: 'es2022',
    mainFields: ['browser', 'module', 'main'],
    conditions: ['workerd', 'worker', 'browser'],
    loader: { '.json': 'json' },
    jsx: 'automatic',
    jsxImportSource: 'hono/jsx',
    minify: true,
    sourcemap: false,
    legalComments: 'none',
    metafile: true,
    logLevel: 'silent',
  })
  const bytes = result.metafile.outputs[Object.keys(result.metafile.outputs)[0] ?? '']?.bytes ?? 0
  return { outfile, bytes }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { outfile, bytes } = await buildWorker(process.argv[2] ? resolve(process.argv[2]) : undefined)
  process.stdout.write(`${outfile}: ${(bytes / 1024).toFixed(1)} KiB\n`)
}
