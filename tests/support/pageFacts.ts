/** Small readers for the facts a test asserts on a rendered page. */

/** The question the page asks (its form's data-step), or undefined on results/urgent pages. */
export function stepOf(html: string): string | undefined {
  return /<form[^>]*data-step="([^"]+)"/.exec(html)?.[1]
}

/** Ids of the service cards shown, in order (helplines included). */
export function servicesOf(html: string): string[] {
  return [...html.matchAll(/<article class="card" data-service="([^"]+)"/g)].flatMap((match) => (match[1] ? [match[1]] : []))
}

/** Every tel: number the page offers. */
export function telLinksOf(html: string): string[] {
  return [...html.matchAll(/href="tel:([^"]+)"/g)].flatMap((match) => (match[1] ? [match[1]] : []))
}

/** The page's lang attribute. */
export function langOf(html: string): string | undefined {
  return /<html[^>]*lang="([^"]+)"/.exec(html)?.[1]
}
