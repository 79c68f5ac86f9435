/**
 * The address of the landing page in one interface language: its own path, so search engines can
 * list each language (`/` stays the page in the browser's language, the x-default).
 * @example landingPath('de') // '/de/'
 */
export function landingPath(language: string): string {
  return `/${language}/`
}
