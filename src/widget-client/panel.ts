/**
 * Runs inside the widget panel (Helpfinder's own page in the iframe). Progressive enhancement only:
 * without it every form still posts and the panel reloads.
 * - Each answer is posted with fetch and the new view swapped in place, so the live region can
 *   announce the new question and focus moves to it (WCAG 2.2: focus order, status messages).
 * - The quick exit replaces the *top* page (the host's) with the neutral site; Shift three times too.
 *   Its hint ("press Shift three times") shows only where a keyboard is likely, as on the web page.
 * - A button with its own formaction or formtarget (the results' plain text version, opened in a
 *   new tab) is left to the browser: its answer is not a panel page to swap in.
 * - Escape (on release) asks the loader to close the panel; the loader's message "focus" moves focus to the question.
 * Nothing is stored: no cookies, no storage, the state stays in the forms.
 */

const NEUTRAL = document.getElementById('exit')?.getAttribute('href') ?? 'about:blank'

// A note for the host page's developers (an unknown partner id), put there by the server.
const note = document.currentScript?.getAttribute('data-console-note')
if (note) console.warn(note)

function leave(event?: Event): void {
  event?.preventDefault()
  const status = document.getElementById('exit-status')
  document.title = ''
  // The status line is in the view's header: kept out of the blanked view so the exit is announced.
  if (status) document.body.appendChild(status)
  const view = document.getElementById('view')
  if (view) view.innerHTML = ''
  if (status) status.textContent = status.getAttribute('data-text')
  try {
    window.top?.location.replace(NEUTRAL)
  } catch {
    window.location.replace(NEUTRAL)
  }
}

// Delegated: the exit is in the view, and every turn swaps in a new one.
document.addEventListener('click', (event) => {
  if (event.target instanceof Element && event.target.closest('#exit')) leave(event)
})

const keyboard = window.matchMedia?.('(any-hover: hover) and (any-pointer: fine)').matches === true

/** Shift three times needs a keyboard: the hint shows only where one is likely (not on a phone). */
function showExitHint(): void {
  const hint = document.querySelector<HTMLElement>('#exit small[hidden]')
  if (hint && keyboard) hint.hidden = false
}
showExitHint()

let shiftTimes: number[] = []
// Escape closes on release: closing removes this frame, and the key's release must not be left
// to land in a frame that no longer exists.
document.addEventListener('keyup', (event) => {
  if (event.key === 'Escape') window.parent.postMessage({ helpfinder: 'close' }, '*')
})
document.addEventListener('keydown', (event) => {
  if (event.key === 'Escape') return
  if (event.key !== 'Shift') {
    shiftTimes = []
    return
  }
  if (event.repeat) return
  const now = Date.now()
  shiftTimes = [...shiftTimes.filter((time) => now - time < 2000), now]
  if (shiftTimes.length >= 3) leave()
})

/** The heading a person should land on after a turn: the question, else the page's first heading. */
function focusTarget(): HTMLElement | null {
  return document.getElementById('question') ?? document.querySelector<HTMLElement>('main h1, main h2')
}

function focusQuestion(): void {
  const target = focusTarget()
  if (!target) return
  if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1')
  target.focus()
}

let busy = false
let plain = false
document.addEventListener('submit', (event) => {
  const form = event.target
  // getAttribute: the forms hold a button named "action", which shadows form.action.
  if (!(form instanceof HTMLFormElement) || form.getAttribute('method') !== 'post' || busy || plain) return
  const submitter = event instanceof SubmitEvent && event.submitter instanceof HTMLElement ? event.submitter : null
  if (submitter?.hasAttribute('formaction') || submitter?.hasAttribute('formtarget')) return
  event.preventDefault()
  const body = new URLSearchParams()
  new FormData(form, submitter).forEach((value, name) => {
    if (typeof value === 'string') body.append(name, value)
  })
  busy = true
  fetch(form.getAttribute('action') ?? '', { method: 'POST', body, credentials: 'omit', headers: { accept: 'text/html' } })
    .then((response) => response.text())
    .then((html) => swap(html))
    // Anything unexpected: the plain form post, which always works and shows the server's own page.
    .catch(() => {
      plain = true
      form.requestSubmit(submitter instanceof HTMLButtonElement ? submitter : null)
    })
    .finally(() => {
      busy = false
    })
})

/** Puts the next view in place of this one, says what changed, and moves focus to it. */
function swap(html: string): void {
  // The next page's own <style> carries its own nonce, which this page's CSP would report as a
  // violation even in a parsed, inert document: this page's style is the same, so drop it.
  const next = new DOMParser().parseFromString(html.replace(/<style[^>]*>[\s\S]*?<\/style>/g, ''), 'text/html')
  const view = document.getElementById('view')
  const incoming = next.getElementById('view')
  if (!view || !incoming) throw new Error('not a panel page')
  view.replaceWith(document.adoptNode(incoming))
  document.documentElement.lang = next.documentElement.lang
  document.documentElement.dir = next.documentElement.dir
  document.title = next.title
  showExitHint()
  const live = document.getElementById('live')
  const notice = document.querySelector('main .notice, main .error')
  const heading = focusTarget()
  if (live) live.textContent = [notice?.textContent, heading?.textContent].filter(Boolean).join('. ')
  focusQuestion()
}

window.addEventListener('message', (event) => {
  if (event.source === window.parent && event.data && event.data.helpfinder === 'focus') focusQuestion()
})
