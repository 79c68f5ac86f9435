import { raw } from 'hono/html'
import { rawElement } from '../web/rawElement'
import { PageHead } from '../web/PageHead'
import { embedSnippets } from './embedSnippets'
import { loaderVersion } from './widgetAssets.generated'

const DEMO_STYLES = `
body{margin:0;font:1.0625rem/1.6 Georgia,"Times New Roman",serif;color:#222;background:#f4f1ea}
header{background:#2e4a3f;color:#fff;padding:1rem 1.5rem}header p{margin:.25rem 0 0;font-family:system-ui,sans-serif;font-size:.95rem}
main{max-width:44rem;margin:0 auto;padding:1rem 1.5rem 8rem}
h1{font-size:1.6rem;margin:0}h2{font-size:1.25rem;margin-top:2rem}
pre{white-space:pre-wrap;word-break:break-all;background:#fff;border:1px solid #b9b2a3;padding:.75rem;font-size:.9rem}
.fiction{background:#fff3c4;border:1px solid #8a6d00;padding:.5rem .75rem;font-family:system-ui,sans-serif}
a{color:#1f4d7a}
`

/**
 * /demo: a made-up helpline's site with the widget embedded, for partners to try, and the two
 * snippets they can copy. English only: it is written for the people who run sites.
 */
export function DemoPage(props: { nonce: string; origin: string; ui: string }) {
  const { script, frame } = embedSnippets({ origin: props.origin, partner: 'your-partner-id', country: 'DE', lang: 'de', color: '#2e4a3f' })
  return (
    <>
      {raw('<!DOCTYPE html>')}
      <html lang="en">
        <PageHead
          title="Lindenweg Helpline (fictional) – Helpfinder widget demo"
          nonce={props.nonce}
          css={DEMO_STYLES}
          end={String(
            rawElement(
              'script',
              // Helpfinder's own page knows the loader's version: the address browsers keep for a year.
              {
                nonce: props.nonce,
                src: `/widget.js?v=${loaderVersion}`,
                'data-partner': 'demo-helpline',
                'data-color': '#2e4a3f',
                async: true,
              },
              '',
            ),
          )}
        />
        <body>
          <header>
            <h1>Lindenweg Helpline</h1>
            <p>A fictional helpline, made up to show the Helpfinder widget.</p>
          </header>
          <main>
            <p class="fiction">
              This organisation does not exist. The widget on this page is real: the button in the corner opens Helpfinder in a panel.
            </p>
            <h2>Add Helpfinder to your site</h2>
            <p>
              Paste one line before the end of your page. Set the country and language your visitors most likely need; they can change both.
              Your partner id lets Helpfinder allow your site to embed it and show your own services first when they fit.
            </p>
            <pre>{script}</pre>
            <p>
              Options: <code>data-partner</code>, <code>data-country</code>, <code>data-lang</code>, <code>data-color</code> (your brand
              colour; darkened if it is too light to read), <code>data-position="left"</code>, <code>data-open="true"</code> (open on load,
              for a page of its own). The link in <code>&lt;noscript&gt;</code> is for visitors without JavaScript; translate its words if
              you like.
            </p>
            <h2>If your site does not allow other sites' scripts</h2>
            <p>Embed the panel directly. It works without JavaScript too.</p>
            <pre>{frame}</pre>
            <h2>What the widget keeps</h2>
            <p>
              Nothing. The conversation runs in Helpfinder's own frame, so your page's scripts cannot read it. It sets no cookies and uses
              no browser storage, and closing the panel forgets everything.
            </p>
          </main>
        </body>
      </html>
    </>
  )
}
