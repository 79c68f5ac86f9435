/** The fallback link's words: English, like the console and /demo; partners may translate it. */
export const FALLBACK_LINK_TEXT = 'Find help (opens Helpfinder)'

/**
 * The two ways a partner embeds the widget, as the text it pastes (the console's partner page and
 * /demo show these). Each keeps a plain link to Helpfinder's own site, in the snippet's language when it has one: in
 * `<noscript>` after the loader (no JavaScript, no button), and under the iframe (a frame the
 * browser could not show is never a dead end). The loader stays at its stable address, so a pasted
 * snippet always gets the current loader. Every value is from a checked source (a partner id, a
 * country or language code, a `#rrggbb` colour, the configured origin), never from a request.
 * @example embedSnippets({ origin: 'https://help.example.org', partner: 'demo-helpline', lang: 'de' }).script
 */
export function embedSnippets(options: {
  origin: string
  partner: string
  country?: string
  lang?: string
  color?: string
  /** The language the link opens Helpfinder in, when the snippet sets none (e.g. the partner's default). */
  linkLang?: string
}): {
  script: string
  frame: string
} {
  const { origin } = options
  const partner = encodeURIComponent(options.partner)
  const linkLang = options.lang ?? options.linkLang
  const site = `${origin}/${linkLang ? `?lang=${encodeURIComponent(linkLang)}` : ''}`
  const link = `<a href="${site}" rel="noreferrer">${FALLBACK_LINK_TEXT}</a>`
  const attributes = [
    `data-partner="${partner}"`,
    ...(options.country ? [`data-country="${options.country}"`] : []),
    ...(options.lang ? [`data-lang="${options.lang}"`] : []),
    ...(options.color ? [`data-color="${options.color}"`] : []),
  ].join(' ')
  const query = new URLSearchParams({
    partner: options.partner,
    ...(options.country ? { country: options.country } : {}),
    ...(options.lang ? { lang: options.lang } : {}),
  })
  return {
    script: `<script src="${origin}/widget.js" ${attributes} async></script>\n<noscript>${link}</noscript>`,
    frame: `<iframe src="${origin}/widget/panel?${query.toString().replaceAll('&', '&amp;')}" title="Helpfinder: find confidential help" style="width:100%;max-width:28rem;height:40rem;border:1px solid #888" referrerpolicy="no-referrer"></iframe>\n<p>${link}</p>`,
  }
}
