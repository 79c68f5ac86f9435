import { embedSnippets, FALLBACK_LINK_TEXT } from '../../channels/widget/embedSnippets'
import { ORIGIN_PLACEHOLDER } from '../../channels/widget/originPlaceholder'
import type { Partner } from '../../core/directory/partnerSchema'

/**
 * The two ways a partner embeds the widget, as text to copy: the loader script, and the panel in an
 * iframe for sites that allow no other site's scripts (the same snippets /demo shows). The address
 * is the configured PUBLIC_ORIGIN, never the Host header of the request (which the client chooses);
 * without one, a placeholder and how to set it.
 * @example <PartnerSnippet partner={partner} origin="https://helpfinder.example" />
 */
export function PartnerSnippet(props: { partner: Partner; origin: string | undefined }) {
  const { partner } = props
  const origin = props.origin ?? ORIGIN_PLACEHOLDER
  const { script, frame } = embedSnippets({ origin, partner: partner.id, linkLang: partner.defaultLanguage ?? undefined })
  return (
    <section aria-labelledby="embed-heading">
      <h2 id="embed-heading">Embed snippet</h2>
      {partner.origins.length === 0 && (
        <p class="error">This partner has no origins: the widget refuses to be embedded anywhere until one is added below.</p>
      )}
      {props.origin === undefined && (
        <p class="error" id="snippet-origin">
          This server does not know its public address, so the snippets show <code>{ORIGIN_PLACEHOLDER}</code>: replace it with the address
          people reach Helpfinder at, or set <code>PUBLIC_ORIGIN</code> (for example <code>PUBLIC_ORIGIN=https://help.example.org</code>)
          and restart, and the snippets will show it.
        </p>
      )}
      <p class="hint">
        The partner pastes these lines before the end of its page. Without <code>data-country</code> and <code>data-lang</code> the widget
        starts with the defaults below; other options: <code>data-country</code>, <code>data-lang</code>, <code>data-color</code>,{' '}
        <code>data-position="left"</code>, <code>data-open="true"</code>. The link "{FALLBACK_LINK_TEXT}" is for visitors without
        JavaScript, and for a frame the browser cannot show: it may be translated into the site's language.
      </p>
      <label for="snippet-script">Script tag</label>
      <textarea id="snippet-script" class="snippet" readonly rows={3} spellcheck={false}>
        {script}
      </textarea>
      <label for="snippet-frame">Or the panel in an iframe (works without JavaScript)</label>
      <textarea id="snippet-frame" class="snippet" readonly rows={4} spellcheck={false}>
        {frame}
      </textarea>
    </section>
  )
}
