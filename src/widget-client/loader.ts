import { accessibleColours } from '../channels/widget/accessibleColours'

/**
 * widget.js: the one line a helpline pastes into its page. It adds a launcher button and, when
 * opened, a panel holding Helpfinder's own page in a cross-origin iframe, so the host page's
 * scripts cannot read what the person answers. It stores nothing (no cookies, no storage);
 * closing the panel removes the iframe, and with it the conversation.
 *
 * <script src="https://helpfinder.example/widget.js" data-country="DE" data-lang="de"
 *   data-partner="your-id" data-color="#7a1f5c" data-position="left" data-open="true" async></script>
 */

/** The launcher's words, per interface language; filled in at build time (scripts/buildWidget.ts). */
declare const WIDGET_WORDS: Record<string, { launcher: string; close: string; panel_title: string }>

const RTL = ['ar', 'fa', 'he', 'ur']
const DEFAULT_LANGUAGE = 'en'

/**
 * The host page's attributes are not ours: each must have its expected shape or it is ignored
 * (the same rules as the panel's own settings, widgetSettings.ts), and none ever goes into HTML.
 */
const LANGUAGE_CODE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/
const PARTNER_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/
const COUNTRY_CODE = /^[A-Za-z]{2}$/
const COLOUR = /^#[0-9a-fA-F]{6}$/

/** A well-formed language code whose language Helpfinder speaks (`pt-BR` → base `pt`), or undefined. */
function supportedLanguage(value: string | undefined): { code: string; base: string } | undefined {
  if (!value || value.length > 35) return undefined
  const [first = '', ...rest] = value.split('-')
  const base = first.toLowerCase()
  const code = [base, ...rest].join('-')
  return LANGUAGE_CODE.test(code) && WIDGET_WORDS[base] ? { code, base } : undefined
}

/** `value` when it matches `shape`; otherwise undefined, and the page's developers hear why. */
function checked(name: string, value: string | undefined, shape: RegExp, expected: string): string | undefined {
  if (value === undefined || value === '') return undefined
  if (value.length <= 64 && shape.test(value)) return value
  console.warn(`Helpfinder widget: data-${name} is not ${expected}; ignoring it.`)
  return undefined
}

function start(script: HTMLScriptElement): void {
  const origin = new URL(script.src).origin
  const data = script.dataset
  const chosen = data.lang ? supportedLanguage(data.lang) : undefined
  if (data.lang && !chosen)
    console.warn('Helpfinder widget: data-lang is not a language code Helpfinder speaks (such as "de" or "pt-BR"); ignoring it.')
  const language = chosen ?? supportedLanguage(document.documentElement.lang) ?? supportedLanguage(navigator.language)
  const base = language?.base ?? DEFAULT_LANGUAGE
  const words = WIDGET_WORDS[base] ?? WIDGET_WORDS[DEFAULT_LANGUAGE]
  if (!words) return
  const colour = checked('color', data.color, COLOUR, 'a colour such as #1f5f8b')
  const colours = accessibleColours(colour)
  if (colours.adjusted) {
    console.warn(`Helpfinder widget: data-color ${colour} does not reach 4.5:1 contrast; using ${colours.accent} instead.`)
  }
  const side = data.position === 'left' ? 'left' : 'right'
  const dir = RTL.includes(base) ? 'rtl' : 'ltr'

  const query = new URLSearchParams()
  const settings = [
    ['partner', checked('partner', data.partner, PARTNER_ID, 'a partner id (lower-case letters, digits and hyphens)')],
    ['country', checked('country', data.country, COUNTRY_CODE, 'a two-letter country code')],
    ['lang', chosen?.code],
    ['accent', colours.accent],
  ] as const
  for (const [name, value] of settings) {
    if (value) query.set(name, value)
  }
  // A partner's widget says which site it is on, so that a site the partner has not registered
  // gets a page saying so instead of a frame the browser refuses (Helpfinder's own pages need not).
  if (query.has('partner') && /^https?:$/.test(location.protocol) && location.origin !== origin) query.set('host', location.origin)
  const panelUrl = `${origin}/widget/panel?${query}`

  const host = document.createElement('div')
  host.setAttribute('data-helpfinder', '')
  const root = host.attachShadow({ mode: 'open' })
  // A constructed stylesheet is not inline style, so a host page's strict CSP does not block it.
  const sheet = new CSSStyleSheet()
  sheet.replaceSync(css(side, colours))
  root.adoptedStyleSheets = [sheet]
  // Built element by element, never from markup: nothing from the host page can become HTML.
  const launcher = element('button', {
    class: 'launcher',
    type: 'button',
    'aria-expanded': 'false',
    'aria-controls': 'panel',
    dir,
    lang: base,
  })
  launcher.textContent = words.launcher
  const panel = element('div', { class: 'panel', id: 'panel', role: 'dialog', 'aria-label': words.panel_title, dir, lang: base })
  panel.hidden = true
  const top = element('div', { class: 'top' })
  const close = element('button', { class: 'close', type: 'button', 'aria-label': words.close })
  close.textContent = '×'
  top.append(close)
  panel.append(top)
  root.append(launcher, panel)
  let frame: HTMLIFrameElement | undefined

  function open(moveFocus: boolean): void {
    if (frame) return
    frame = document.createElement('iframe')
    frame.title = words?.panel_title ?? 'Helpfinder'
    frame.src = panelUrl
    frame.referrerPolicy = 'no-referrer'
    // Nothing the panel needs: no camera, microphone, location or payment from inside it.
    frame.allow = "camera 'none'; microphone 'none'; geolocation 'none'; payment 'none'"
    if (moveFocus)
      frame.addEventListener('load', () => {
        frame?.focus()
        frame?.contentWindow?.postMessage({ helpfinder: 'focus' }, origin)
      })
    panel.append(frame)
    panel.hidden = false
    launcher.setAttribute('aria-expanded', 'true')
  }

  function shut(): void {
    if (!frame) return
    // Removing the iframe ends the conversation: nothing of it is kept anywhere.
    frame.remove()
    frame = undefined
    panel.hidden = true
    launcher.setAttribute('aria-expanded', 'false')
    launcher.focus()
  }

  launcher.addEventListener('click', () => (frame ? shut() : open(true)))
  close.addEventListener('click', shut)
  root.addEventListener('keydown', (event) => {
    if (event instanceof KeyboardEvent && event.key === 'Escape') shut()
  })
  window.addEventListener('message', (event) => {
    if (event.origin === origin && frame && event.source === frame.contentWindow && event.data?.helpfinder === 'close') shut()
  })
  document.body.append(host)
  if (data.open === 'true') open(false)
}

/** An element with these attributes, each set as a value (never parsed as markup). */
function element<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Record<string, string>): HTMLElementTagNameMap[K] {
  const created = document.createElement(tag)
  for (const [name, value] of Object.entries(attributes)) created.setAttribute(name, value)
  return created
}

function css(side: 'left' | 'right', colours: { accent: string; onAccent: string }): string {
  return `
:host{all:initial}
.launcher,.close{font:600 1rem/1.2 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;cursor:pointer;border-radius:.5rem}
.launcher{position:fixed;bottom:1rem;${side}:1rem;z-index:2147483646;min-height:48px;min-width:48px;padding:.75rem 1.25rem;border:2px solid ${colours.onAccent};background:${colours.accent};color:${colours.onAccent};box-shadow:0 2px 8px rgba(0,0,0,.3)}
.launcher:focus-visible,.close:focus-visible{outline:3px solid #ffbf47;outline-offset:2px;box-shadow:0 0 0 6px #1d1d1f}
.panel{position:fixed;bottom:5rem;${side}:1rem;z-index:2147483647;width:min(26rem,calc(100vw - 2rem));height:min(40rem,calc(100vh - 6.5rem));display:flex;flex-direction:column;background:#fbfaf7;border:1px solid #5a5a66;border-radius:.75rem;box-shadow:0 4px 24px rgba(0,0,0,.35);overflow:hidden}
.panel[hidden]{display:none}
.top{display:flex;justify-content:flex-end;background:${colours.accent}}
.close{min-height:44px;min-width:44px;margin:.25rem;border:2px solid transparent;background:transparent;color:${colours.onAccent};font-size:1.5rem}
iframe{flex:1;width:100%;border:0;background:#fbfaf7}
@media (max-width:30rem){.panel{${side}:0;bottom:0;width:100vw;height:calc(100vh - 4.5rem);border-radius:0}.launcher{bottom:auto;top:.5rem}}
@media (prefers-reduced-motion:reduce){*{transition:none!important;animation:none!important}}
`
}

const current = document.currentScript
if (current instanceof HTMLScriptElement) {
  const script = current
  if (document.body) start(script)
  else document.addEventListener('DOMContentLoaded', () => start(script))
}
