import type { AdaptiveElement } from './adaptiveCardAttachment'
import { escapeMarkdown } from './escapeMarkdown'

/**
 * A wrapping TextBlock that shows `text` exactly: Teams and Web Chat render TextBlocks as markdown,
 * and the words come from locales and the directory, which must never become links or markup.
 * @example plainTextBlock('[x](http://a.example)', { weight: 'Bolder' }).text // '\\[x\\]\\(http\\:\\/\\/a\\.example\\)'
 */
export function plainTextBlock(text: string, style: Record<string, string | boolean> = {}): AdaptiveElement {
  return { type: 'TextBlock', text: escapeMarkdown(text), wrap: true, ...style }
}
