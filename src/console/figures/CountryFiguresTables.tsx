import type { Child } from 'hono/jsx'
import { type FiguresPeriod, quarterOf } from '../../curation/figuresPeriod'
import type { BreakdownTable, FiguresReport } from '../../curation/figuresReport'
import { ConsoleTable } from '../shared/ConsoleTable'
import { FigureCell } from './FigureCell'
import { MaskingNote } from './MaskingNote'

const TIER_HEADINGS: Record<string, string> = {
  national: 'Results: a service in the country',
  online: 'Results: online only',
  helplines: 'Results: helplines only',
  urgent_only: 'Results: urgent numbers only',
}

const languageNames = new Intl.DisplayNames(['en'], { type: 'language' })

/**
 * The tables by country (admins only): the funnel and the tier of results, then results by
 * situation and, apart, by the language asked for; never beside a partner, never crossed.
 * A country whose row is all hidden says so, and points to its quarter.
 * @example <CountryFiguresTables countries={report.countries} period={report.period} now={deps.now()} />
 */
export function CountryFiguresTables(props: { countries: NonNullable<FiguresReport['countries']>; period: FiguresPeriod; now: Date }) {
  const { countries, period } = props
  const hiddenNote = allHiddenNote(period, props.now)
  return (
    <>
      <h2 id="countries">By country</h2>
      <p class="hint">Counted by the country a person chose, by month; never with a partner, a situation and a language together.</p>
      <Scrolling id="country-heading" heading="Results and steps by country">
        <ConsoleTable
          id="country-figures"
          caption={`Conversations per country, ${period.label}, and the kind of results they reached.`}
          headings={[
            'Country',
            ...countries.tiers.map((tier) => TIER_HEADINGS[tier] ?? `Results: ${tier}`),
            'Results, all',
            'Opened urgent help',
            'Followed a link or number',
          ]}
          items={countries.rows}
          empty={<p>No conversation named a country in {period.label}.</p>}
          row={(country) => (
            <tr id={`country-${country.code}`}>
              <th scope="row">
                {`${country.name} (${country.code})`}
                {country.allHidden && <div class="hint">{hiddenNote}</div>}
              </th>
              {country.tiers.map((figure) => (
                <FigureCell figure={figure} />
              ))}
              <FigureCell figure={country.results} />
              <FigureCell figure={country.steps.urgent} />
              <FigureCell figure={country.steps.contact} />
            </tr>
          )}
        />
      </Scrolling>
      <MaskingNote />
      <Breakdown
        id="country-situations"
        heading="Results by situation"
        caption={`Conversations per country that reached results, ${period.label}, by the situation chosen (the stage question's answer).`}
        table={countries.situations}
        column={(situation) => <code>{situation}</code>}
        hiddenNote={hiddenNote}
      />
      <Breakdown
        id="country-languages"
        heading="Results by language asked for"
        caption={`Conversations per country that reached results, ${period.label}, by the language asked for.`}
        table={countries.languages}
        column={(code) => `${languageName(code)} (${code})`}
        hiddenNote={hiddenNote}
      />
    </>
  )
}

function Breakdown(props: {
  id: string
  heading: string
  caption: string
  table: BreakdownTable
  column: (id: string) => Child
  hiddenNote: Child
}) {
  return (
    <>
      <Scrolling id={`${props.id}-heading`} heading={props.heading}>
        <ConsoleTable
          id={props.id}
          caption={props.caption}
          headings={['Country', ...props.table.columns.map(props.column), 'Total']}
          items={props.table.rows}
          empty={<p>None in this period.</p>}
          row={(row) => (
            <tr id={`${props.id}-${row.code}`}>
              <th scope="row">
                {`${row.name} (${row.code})`}
                {row.allHidden && <div class="hint">{props.hiddenNote}</div>}
              </th>
              {row.cells.map((figure) => (
                <FigureCell figure={figure} />
              ))}
              <FigureCell figure={row.total} />
            </tr>
          )}
        />
      </Scrolling>
      <MaskingNote />
    </>
  )
}

/** A heading and a table wider than a narrow window, in a box keyboard users can scroll (axe: scrollable-region-focusable). */
function Scrolling(props: { id: string; heading: string; children: Child }) {
  return (
    <>
      <h3 id={props.id}>{props.heading}</h3>
      {/* biome-ignore lint/a11y/useSemanticElements: a scrolling box named by its heading, not a section of the page */}
      <div class="scroll" tabindex={0} role="region" aria-labelledby={props.id}>
        {props.children}
      </div>
    </>
  )
}

/** What an all-hidden row says: every figure under 10, and where to look instead. */
function allHiddenNote(period: FiguresPeriod, now: Date): Child {
  if (period.kind === 'quarter') return 'Every figure is under 10, even over the quarter.'
  const quarter = quarterOf(period)
  if (quarter.settledAt > now.getTime())
    return `Every figure is under 10 this month; the quarter (${quarter.id}) is shown once it has ended.`
  return (
    <>
      Every figure is under 10 this month; see <a href={`/admin/figures?period=${quarter.id}`}>{quarter.label}</a>.
    </>
  )
}

function languageName(code: string): string {
  try {
    return languageNames.of(code) ?? code
  } catch {
    return code
  }
}
