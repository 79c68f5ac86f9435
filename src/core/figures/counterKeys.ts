import type { FigureContext, FigureEvent } from './figureEvent'
import { periodOf } from './periodOf'

/** The tables of docs/figures.md: each a small set of dimensions, none crossing partner, time and situation. */
export type FigureTable = 'partner_week' | 'country_month' | 'country_situation_month' | 'country_language_month'

/** One counter to add 1 to: its table, its dimensions in that table's order, and the event's name. */
export interface CounterKey {
  table: FigureTable
  dims: readonly string[]
  event: string
}

/** Where a conversation happens, when no registered partner embeds it: Helpfinder's own pages, the JSON API, a bot channel, the widget of an unregistered site. */
export const WEB_SOURCE = '(web)'
export const API_SOURCE = '(api)'
export const BOT_SOURCE = '(bot)'
export const WIDGET_SOURCE = '(widget)'
/** A count whose source was not said (never from a channel of ours). */
export const NO_PARTNER = '(none)'

/**
 * The counters one event adds 1 to, as marginals: the partner's weekly funnel (no country,
 * situation or language); the country's monthly funnel (no partner); and, for results only, the
 * country's month by situation and, apart, by language. Nothing else is ever kept.
 * @example counterKeys({ kind: 'started' }, { partner: 'p1', country: 'DE' }, Date.UTC(2026, 11, 3))
 */
export function counterKeys(event: FigureEvent, context: FigureContext, ms: number): CounterKey[] {
  const { week, month } = periodOf(ms)
  const name = eventName(event)
  const keys: CounterKey[] = [{ table: 'partner_week', dims: [context.partner ?? NO_PARTNER, week], event: name }]
  if (!context.country) return keys
  keys.push({ table: 'country_month', dims: [context.country, month], event: name })
  if (event.kind !== 'results') return keys
  if (context.situation) keys.push({ table: 'country_situation_month', dims: [context.country, month, context.situation], event: name })
  if (context.language) keys.push({ table: 'country_language_month', dims: [context.country, month, context.language], event: name })
  return keys
}

function eventName(event: FigureEvent): string {
  if (event.kind === 'reached') return `reached:${event.question}`
  if (event.kind === 'results') return `results:${event.tier}`
  return event.kind
}
