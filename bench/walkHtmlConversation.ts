import { CONVERSATION_PATH } from './conversationPath'
import { postStep, type ConversationOutcome } from './postStep'

const FORM = 'application/x-www-form-urlencoded'
const stateField = (html: string) => /name="state" value="([^"]+)"/.exec(html)?.[1]
const isResultsPage = (html: string) => html.includes('<article class="card"') && !/<form[^>]*data-step="/.test(html)

/**
 * One whole conversation as a browser without JavaScript has it: form posts to `POST /turn`, each
 * carrying the hidden state field parsed from the page before, to a results page with service cards.
 * @example const outcome = await walkHtmlConversation('http://127.0.0.1:8787', latencies)
 */
export async function walkHtmlConversation(base: string, latencies: number[]): Promise<ConversationOutcome> {
  let state: string | undefined
  let requests = 0
  for (const [index, step] of CONVERSATION_PATH.entries()) {
    const form = new URLSearchParams({ action: step.action })
    if (state) form.append('state', state)
    if (step.ui) form.append('ui', step.ui)
    for (const answer of step.reply ?? []) form.append('answer', answer)
    requests += 1
    const sent = await postStep(`${base}/turn`, FORM, form.toString(), latencies)
    if (!sent.ok) return { requests, completed: false, problem: { kind: sent.kind, detail: sent.detail } }
    state = stateField(sent.body)
    if (!state)
      return { requests, completed: false, problem: { kind: 'flow', detail: `HTML step ${index + 1}: the page has no state field` } }
    if (index === CONVERSATION_PATH.length - 1 && !isResultsPage(sent.body)) {
      return { requests, completed: false, problem: { kind: 'flow', detail: 'HTML: the last step did not give a results page' } }
    }
  }
  return { requests, completed: true }
}
