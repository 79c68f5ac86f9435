import { raw } from 'hono/html'

/** The `<head>` every page shares: no referrer, not indexed, its one stylesheet under the CSP nonce. */
export function PageHead(props: { title: string; nonce: string; css: string }) {
  return (
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <meta name="referrer" content="no-referrer" />
      <meta name="robots" content="noindex" />
      <title>{props.title}</title>
      <style nonce={props.nonce}>{raw(props.css)}</style>
    </head>
  )
}
