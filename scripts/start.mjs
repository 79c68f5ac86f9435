// `npm start`: the Node server, bundled by esbuild from src/runtime/node.ts and run in this process.
//
// Why not `tsx src/runtime/node.ts`: tsx compiles TypeScript in a loader thread that stays for the
// life of the process (about 35 MB of resident memory) and answers the server's every late import.
// esbuild compiles the same sources with the same tsconfig in well under a second at start-up. The
// Bot Framework SDK stays a chunk of its own, loaded on the first bot request (lazyBotHandler).
// Packages stay in node_modules (external); data/, flows/ and locales/ are read at build time, as
// the Worker's bundle reads them, so a change to them takes effect at the next start.
//
// The bundle goes into .build/server-<hash of its content>/ (two levels under the project, so the
// server's `../../migrations` still names the project's migrations folder). Written to a folder of
// its own first and renamed, so servers started together never see half a bundle.
import { build, stop } from 'esbuild'
import { createHash, randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const buildRoot = join(root, '.build')
const KEEP_MS = 24 * 60 * 60 * 1000

const result = await build({
  absWorkingDir: root,
  entryPoints: { server: 'src/runtime/node.ts' },
  bundle: true,
  splitting: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  outdir: 'bundle',
  write: false,
  logLevel: 'error',
})
// esbuild's compiler is a child process: not needed once the bundle is built.
await stop()
/** Writes the bundle (once per content) and returns its entry file, or undefined when .build/ cannot be written. */
function writeBundle() {
  const hash = createHash('sha256')
  for (const file of result.outputFiles) hash.update(file.path).update(file.contents)
  const folder = join(buildRoot, `server-${hash.digest('hex').slice(0, 16)}`)
  try {
    if (!existsSync(folder)) {
      const staging = join(buildRoot, `staging-${process.pid}-${randomBytes(4).toString('hex')}`)
      for (const file of result.outputFiles) {
        const target = join(staging, relative(join(root, 'bundle'), file.path))
        mkdirSync(dirname(target), { recursive: true })
        writeFileSync(target, file.contents)
      }
      try {
        renameSync(staging, folder)
      } catch {
        // Another server started at the same moment put the same bundle there first.
        rmSync(staging, { recursive: true, force: true })
      }
    }
    // Bundles of earlier sources, a day old, are no longer anyone's.
    for (const name of readdirSync(buildRoot)) {
      const path = join(buildRoot, name)
      if (path !== folder && Date.now() - statSync(path).mtimeMs > KEEP_MS) rmSync(path, { recursive: true, force: true })
    }
    return join(folder, 'server.js')
  } catch (error) {
    process.stderr.write(
      `warning: cannot write the server bundle into .build/ (${error instanceof Error ? error.message : String(error)}); running the TypeScript through tsx instead (about 35 MB more memory)\n`,
    )
    return undefined
  }
}

const entry = writeBundle()
if (entry) {
  await import(pathToFileURL(entry).href)
} else {
  const { register } = await import('tsx/esm/api')
  register()
  await import(pathToFileURL(join(root, 'src/runtime/node.ts')).href)
}
