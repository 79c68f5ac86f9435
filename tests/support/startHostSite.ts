import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { embedSnippets } from '../../src/channels/widget/embedSnippets'

/**
 * A helpline's own site on another loopback origin (http://localhost:PORT, while Helpfinder runs
 * on 127.0.0.1): `/page?attrs=…` is a page with the one-line widget snippet and those data-*
 * attributes (and `&html=…`, the `<html>` tag's own attributes, `lang="en"` by default); `/frame?src=…`
 * embeds the panel with the `<iframe>` snippet; `/snippet?kind=script|frame&partner=…&lang=…` pastes
 * the console's snippet as it is. No CSP, like many sites.
 */
export async function startHostSite(helpfinderBase: string) {
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost')
    const shell = (body: string) =>
      `<!doctype html><html ${url.searchParams.get('html') ?? 'lang="en"'}><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>A helpline</title></head><body><header><h1>A helpline's site</h1></header><main><p>Our own page, with Helpfinder embedded.</p><a href="#top">A link of the host page</a></main>${body}</body></html>`
    if (url.pathname === '/page') {
      const attrs = url.searchParams.get('attrs') ?? ''
      response
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        .end(shell(`<script src="${helpfinderBase}/widget.js" ${attrs} async></script>`))
    } else if (url.pathname === '/frame') {
      const src = `${helpfinderBase}/widget/panel?${url.searchParams.get('query') ?? ''}`
      response
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        .end(shell(`<iframe src="${src}" title="Helpfinder" style="width:100%;height:600px" referrerpolicy="no-referrer"></iframe>`))
    } else if (url.pathname === '/snippet') {
      // The snippet as the console shows it, pasted as it is: `kind=script|frame`, `partner`, `lang`.
      const snippets = embedSnippets({
        origin: helpfinderBase,
        partner: url.searchParams.get('partner') ?? 'test-helpline',
        lang: url.searchParams.get('lang') ?? undefined,
      })
      response
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        .end(shell(url.searchParams.get('kind') === 'frame' ? snippets.frame : snippets.script))
    } else if (url.pathname === '/favicon.ico') {
      response.writeHead(204).end()
    } else {
      response.writeHead(404).end()
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    base: `http://localhost:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
