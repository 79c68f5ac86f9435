/**
 * Whether a `frame-ancestors` list (as frameAncestors() writes it) lets a page on `host` (an origin
 * from embeddingHost) frame the panel, matched as browsers match it: `*`; `scheme://host` on its
 * default port; an explicit port, or `:*` for any; an http source also allows https on the same
 * host. `'self'` is Helpfinder's own origin, which the loader never reports, so it allows no host;
 * `'none'` none. When unsure it says yes: the browser decides then, as it always did.
 * @example ancestorsAllow('https://www.helpline.example', 'https://www.helpline.example') // true
 */
export function ancestorsAllow(ancestors: string, host: string): boolean {
  const page = new URL(host)
  return ancestors.split(' ').some((source) => {
    if (source === '*') return true
    if (source.startsWith("'")) return false
    const match = /^(https?):\/\/([^/:]+|\[[^\]]+\])(?::(\d+|\*))?$/.exec(source)
    if (!match) return true
    const [, scheme, hostname, port] = match
    const schemeFits = `${scheme}:` === page.protocol || (scheme === 'http' && page.protocol === 'https:')
    if (!schemeFits || hostname !== page.hostname) return false
    if (port === '*') return true
    // No port in the source: the scheme's default, which for an http source upgraded to https is 443.
    if (port === undefined) return page.port === ''
    return (page.port || (page.protocol === 'https:' ? '443' : '80')) === port
  })
}
