/** Every ASCII punctuation character: CommonMark lets each be escaped with a backslash. */
const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/g

/**
 * Text as markdown that shows exactly this text: every ASCII punctuation character escaped, so
 * nothing becomes a link, image, HTML, emphasis, heading or list, no bare address is turned into a
 * link (Web Chat linkifies `www.example.org`), and Adaptive Cards' `{{DATE(…)}}` is left alone.
 * For card titles, subtitles and texts, which channels always render as markdown.
 * @example escapeMarkdown('[link](http://example.org)') // '\\[link\\]\\(http\\:\\/\\/example\\.org\\)'
 */
export function escapeMarkdown(text: string): string {
  return text.replace(ASCII_PUNCTUATION, '\\$&')
}
