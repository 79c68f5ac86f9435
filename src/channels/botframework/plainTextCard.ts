import type { Attachment } from 'botbuilder'
import { escapeMarkdown } from './escapeMarkdown'

/**
 * A hero card whose title, subtitle and text are shown as plain text: channels render them as
 * markdown, and they hold directory and locale words, which must never become links or markup.
 * Buttons (tel:, https:) are left as they are.
 * @example plainTextCard(CardFactory.heroCard('[x](http://a.example)')).content.title // '\\[x\\]\\(http\\:\\/\\/a\\.example\\)'
 */
export function plainTextCard(card: Attachment): Attachment {
  const content: unknown = card.content
  if (typeof content !== 'object' || content === null) return card
  const escaped: Record<string, unknown> = { ...content }
  for (const field of ['title', 'subtitle', 'text'] as const) {
    const value = escaped[field]
    if (typeof value === 'string') escaped[field] = escapeMarkdown(value)
  }
  return { ...card, content: escaped }
}
