import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

// The layering rules of ARCHITECTURE.md ("Rooms and their one-way rules"), checked on the import statements
// themselves; and the map itself, checked against the tree.
const root = fileURLToPath(new URL('../..', import.meta.url))
const src = join(root, 'src')

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(folder, entry.name)) : /\.tsx?$/.test(entry.name) ? [join(folder, entry.name)] : [],
  )
}

/** Every module a file imports: packages by name, relative imports as paths under src/. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8')
  const specifiers = [
    ...text.matchAll(/^\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]/gm),
    ...text.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g),
  ]
  return specifiers.flatMap((match) => {
    const specifier = match[1]
    if (!specifier) return []
    return specifier.startsWith('.') ? [relative(src, resolve(dirname(file), specifier)).replace(/\\/g, '/')] : [specifier]
  })
}

const files = sourceFiles(src).map((file) => ({ file: relative(src, file).replace(/\\/g, '/'), imports: importsOf(file) }))
const under = (folder: string) => files.filter(({ file }) => file.startsWith(`${folder}/`))
const NODE_ONLY = /^(node:|better-sqlite3$|drizzle-orm\/better-sqlite3|@hono\/node-server|@node-rs\/)/

describe('architecture', () => {
  it('finds the source files it checks', () => {
    expect(under('core').length).toBeGreaterThan(20)
    expect(under('channels').length).toBeGreaterThan(10)
    expect(under('console').length).toBeGreaterThan(40)
    expect(under('core').flatMap(({ imports }) => imports)).toContain('zod')
    expect(files.find(({ file }) => file === 'runtime/serveNode.ts')?.imports.some((imported) => NODE_ONLY.test(imported))).toBe(true)
  })

  it('the core imports only itself and zod: no channels, storage, Hono, i18next or Node', () => {
    for (const { file, imports } of under('core')) {
      for (const imported of imports) {
        expect(imported === 'zod' || imported.startsWith('core/'), `${file} imports ${imported}`).toBe(true)
      }
    }
  })

  it('the core uses no runtime globals (process, Buffer, require, console)', () => {
    for (const { file } of under('core')) {
      const code = readFileSync(join(src, file), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '')
      expect(code, file).not.toMatch(/\b(process\.|Buffer\b|require\(|console\.)/)
    }
  })

  it('channels, the app, middleware and curation use web standards only: nothing Node-only, no storage driver', () => {
    // curation/ (validation, import planning, export formats) is shared by the CLI scripts and the console.
    expect(under('curation').map(({ file }) => file)).toContain('curation/planImport.ts')
    for (const { file, imports } of [
      ...under('channels'),
      ...under('app'),
      ...under('middleware'),
      ...under('i18n'),
      ...under('curation'),
    ]) {
      for (const imported of imports) {
        expect(NODE_ONLY.test(imported), `${file} imports ${imported}`).toBe(false)
        expect(/^storage\/(sqlite|d1)\//.test(imported), `${file} imports ${imported}`).toBe(false)
      }
    }
  })

  it('curation depends only on the core and its parsing libraries, and uses no runtime globals', () => {
    const libraries = new Set(['zod', 'csv-parse/sync', 'csv-stringify/sync', 'libphonenumber-js/max'])
    for (const { file, imports } of under('curation')) {
      for (const imported of imports) {
        expect(
          libraries.has(imported) || imported.startsWith('core/') || imported.startsWith('curation/'),
          `${file} imports ${imported}`,
        ).toBe(true)
      }
      const code = readFileSync(join(src, file), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '')
      expect(code, file).not.toMatch(/\b(process\.|Buffer\b|require\(|console\.)/)
    }
  })

  it('storage depends on the core, never the other way, and channels never import storage drivers', () => {
    for (const { file, imports } of under('storage')) {
      for (const imported of imports) expect(imported.startsWith('channels/'), `${file} imports ${imported}`).toBe(false)
    }
  })

  it('Node-only code lives only in the Node runtime, the SQLite driver and the curator console', () => {
    // The curator console (console/: argon2, sessions, the /admin app) is Node-only by design (ARCHITECTURE.md); the Worker never imports it.
    // runtime/nodeStateCipher.ts: the Node runtime's AES-GCM (node:crypto); the Worker keeps WebCrypto.
    // runtime/compressResponse.ts: brotli and gzip (node:zlib) at the Node edge; Cloudflare compresses for the Worker.
    const allowed = (file: string) =>
      file === 'runtime/node.ts' ||
      file === 'runtime/createNodeApp.ts' ||
      file === 'runtime/serveNode.ts' ||
      file === 'runtime/nodeStateCipher.ts' ||
      file === 'runtime/compressResponse.ts' ||
      file.startsWith('storage/sqlite/') ||
      file.startsWith('console/')
    for (const { file, imports } of files) {
      if (imports.some((imported) => NODE_ONLY.test(imported))) expect(allowed(file), `${file} is Node-only`).toBe(true)
    }
  })

  it('the Worker reaches no Node-only module of ours, however indirectly (its state cipher is WebCrypto)', () => {
    const byPath = new Map(files.map((entry) => [entry.file.replace(/\.tsx?$/, ''), entry]))
    const reached = new Set<string>()
    const visit = (path: string) => {
      const entry = byPath.get(path) ?? byPath.get(`${path}/index`)
      if (!entry || reached.has(entry.file)) return
      reached.add(entry.file)
      for (const imported of entry.imports) visit(imported)
    }
    visit('runtime/worker')
    expect(reached.size).toBeGreaterThan(50)
    expect(reached).toContain('core/state/webCryptoCipher.ts')
    for (const file of reached) {
      const imports = files.find((entry) => entry.file === file)?.imports ?? []
      expect(
        imports.filter((imported) => NODE_ONLY.test(imported)),
        `${file}, reached from runtime/worker.ts`,
      ).toEqual([])
    }
  })

  it('nothing on the server but the two loggers writes to the console', () => {
    const loggers = new Set(['middleware/privacyLogger.ts', 'runtime/workerLogger.ts'])
    // The widget's browser code (and its bundle, a string) runs in the visitor's browser: its
    // console lines tell a host page's developers about their settings, never about the person.
    const inBrowser = (file: string) => file.startsWith('widget-client/') || file === 'channels/widget/widgetAssets.generated.ts'
    for (const { file } of files) {
      if (loggers.has(file) || inBrowser(file)) continue
      const code = readFileSync(join(src, file), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '')
      expect(code, file).not.toMatch(/\bconsole\.\w+\(/)
    }
  })

  it('names no folder of one machine: temporary files and screenshots go under os.tmpdir()', () => {
    const folders = ['src', 'tests', 'bench', 'scripts', 'docs'].map((folder) => join(root, folder))
    const text = (folder: string): string[] =>
      readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
        entry.isDirectory()
          ? entry.name === 'fixtures'
            ? []
            : text(join(folder, entry.name))
          : /\.(ts|tsx|mjs|md)$/.test(entry.name)
            ? [join(folder, entry.name)]
            : [],
      )
    const files = [...folders.flatMap(text), join(root, 'README.md'), join(root, 'ARCHITECTURE.md')]
    expect(files.length).toBeGreaterThan(100)
    for (const file of files) {
      expect(readFileSync(file, 'utf8'), relative(root, file)).not.toMatch(
        /['"`(\s](\/tmp|\/home\/\w|\/Users\/\w|\/work\/|\/root\/|C:\\\\Users)/,
      )
    }
  })

  it('ARCHITECTURE.md is true: every room of src/ (and of the console) is on the map, and every path it names exists', () => {
    const map = readFileSync(join(root, 'ARCHITECTURE.md'), 'utf8')
    const roomsOnMap = [...map.matchAll(/^src\/([\w-]+)\/ /gm)].map((match) => match[1])
    const rooms = readdirSync(src, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
    expect(
      rooms.filter((room) => !roomsOnMap.includes(room)),
      'folders of src/ missing from the map',
    ).toEqual([])
    const consoleOnMap = [...map.matchAll(/^ {2}([\w-]+)\/ {2,}/gm)].map((match) => match[1])
    const consoleRooms = readdirSync(join(src, 'console'), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
    expect(
      consoleRooms.filter((room) => !consoleOnMap.includes(room)),
      'folders of src/console/ missing from the map',
    ).toEqual([])
    // Paths in backticks: under src/ (as the map writes them, without src/), or from the project's root.
    const named = [...map.matchAll(/`([\w./-]+\.(?:tsx?|mjs|json|md|sql))`/g)].map((match) => match[1] ?? '')
    // A bare file name (written beside its folder's path) names a file of that name anywhere in src/.
    const baseNames = new Set(files.map(({ file }) => file.split('/').at(-1)))
    const exists = (path: string) =>
      path.includes('/')
        ? [join(src, path), join(root, path)].some((candidate) => existsSync(candidate))
        : baseNames.has(path) || existsSync(join(root, path))
    const missing = named.filter((path) => !path.includes('<') && !exists(path))
    expect(named.length).toBeGreaterThan(40)
    expect(missing, 'paths on the map that do not exist').toEqual([])
  })

  it('no two paths in src/ differ only by letter case (they collide on case-insensitive file systems and break bundling)', () => {
    const byLowerCase = new Map<string, string[]>()
    for (const { file } of files) byLowerCase.set(file.toLowerCase(), [...(byLowerCase.get(file.toLowerCase()) ?? []), file])
    expect([...byLowerCase.values()].filter((paths) => paths.length > 1)).toEqual([])
  })

  it('every SQLite file is opened one way: only storage/sqlite/ imports the driver, in src/ and scripts/ alike', () => {
    const scripts = sourceFiles(join(root, 'scripts')).map((file) => ({
      file: relative(root, file).replace(/\\/g, '/'),
      imports: importsOf(file),
    }))
    const openers = [...files, ...scripts].filter(({ imports }) => imports.includes('better-sqlite3')).map(({ file }) => file)
    expect(openers).toContain('storage/sqlite/openSqliteFile.ts')
    expect(openers.filter((file) => !file.startsWith('storage/sqlite/'))).toEqual([])
  })

  it('one HTTP error type at the edge, public and console: app/httpError.ts, never the HTTPException of Hono', () => {
    const throwers = files.filter(({ imports }) => imports.includes('app/httpError.ts') || imports.includes('app/httpError'))
    expect(throwers.map(({ file }) => file)).toEqual(
      expect.arrayContaining(['app/createApp.tsx', 'console/createAdminApp.ts', 'console/auth/csrfGuard.ts']),
    )
    for (const { file, imports } of files) expect(imports, file).not.toContain('hono/http-exception')
  })
})
