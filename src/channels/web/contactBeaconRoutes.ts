import { Hono } from 'hono'
import * as z from 'zod'
import { advance } from '../../core/flow/advance'
import { counterKeys, WEB_SOURCE, WIDGET_SOURCE } from '../../core/figures/counterKeys'
import { openState } from '../../core/state/openState'
import { figureContextOf } from '../shared/figureContextOf'
import type { TurnDeps } from '../shared/turnDeps'
import { readFormBody } from './readFormBody'

/** What the contact beacon sends (contactBeaconScript): the page's sealed state, where it came from, the widget's partner field. */
const ContactBeaconSchema = z.object({
  state: z.string().min(1).max(4096),
  from: z.enum(['web', 'widget']).catch('web'),
  w_partner: z.string().max(64).optional().catch(undefined),
})

const first = (value: unknown) => (Array.isArray(value) ? value[0] : value)

/**
 * `POST /figures/contact`: one followed contact link, counted (docs/figures.md). Only a state that
 * opens and has reached results counts, so a stray post adds nothing; the partner counts only when
 * it is registered. The answer is always empty (a beacon reads nothing back), and with FIGURES=off
 * nothing is read or counted.
 * @example app.route('/', contactBeaconRoutes(deps))
 */
export function contactBeaconRoutes(deps: TurnDeps) {
  const app = new Hono()
  app.post('/figures/contact', async (c) => {
    const figures = deps.figures
    if (!figures) return c.body(null, 204)
    const body = (await readFormBody(c.req)) ?? {}
    const parsed = ContactBeaconSchema.safeParse({ state: first(body.state), from: first(body.from), w_partner: first(body.w_partner) })
    if (!parsed.success) return c.text('A contact count needs the page’s state.', 400)
    const now = deps.now()
    const opened = await openState(parsed.data.state, deps.keyring, now, deps.flow)
    if (!opened.ok) return c.body(null, 204)
    const context = { countries: deps.countries, languages: deps.languages, labelOf: (label: string) => label, language: opened.value.ui }
    const at = advance(deps.flow, opened.value, { type: 'show' }, context)
    if (at.step.node.outcome !== 'results') return c.body(null, 204)
    const source = parsed.data.from === 'widget' ? await widgetSource(deps, parsed.data.w_partner) : WEB_SOURCE
    figures.add(counterKeys({ kind: 'contact' }, figureContextOf(deps.flow, at.state, source), now))
    return c.body(null, 204)
  })
  return app
}

/** A registered partner's id, else the widget's own: an id anyone could type never makes a counter. */
async function widgetSource(deps: TurnDeps, partner: string | undefined): Promise<string> {
  if (!partner) return WIDGET_SOURCE
  return (await deps.directory()).partners.has(partner) ? partner : WIDGET_SOURCE
}
