import type { FiguresPeriod } from '../../curation/figuresPeriod'
import type { FiguresReport } from '../../curation/figuresReport'
import { CountryFiguresTables } from './CountryFiguresTables'
import { FunnelChart } from './FunnelChart'
import { MaskingNote } from './MaskingNote'
import { PartnerFiguresTables } from './PartnerFiguresTables'

/**
 * The Figures page: a period picker (a plain GET form), each partner's funnel as a chart, the
 * partners side by side, the tables by country for admins, and what the masked figures mean.
 * Every figure on it comes masked from the report (curation/figuresReport.ts).
 * @example <FiguresPage report={report} periods={recentPeriods(now)} summaries={['demo-helpline']} now={now} />
 */
export function FiguresPage(props: { report: FiguresReport; periods: readonly FiguresPeriod[]; summaries: readonly string[]; now: Date }) {
  const { report } = props
  const { period } = report
  const choices = props.periods.some((choice) => choice.id === period.id) ? props.periods : [period, ...props.periods]
  return (
    <>
      <h1>{`Figures: ${period.label}`}</h1>
      <p>
        How far conversations went, counted without personal data: counters per partner and ISO week, and per country and month. No
        conversation is stored, and no figure under 10 is shown.
      </p>
      <form method="get" action="/admin/figures" class="filters">
        <label>
          Period
          <select name="period">
            {choices.map((choice) => (
              <option value={choice.id} selected={choice.id === period.id}>
                {choice.kind === 'quarter' ? `${choice.id} (${choice.label})` : choice.label}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">Show</button>
      </form>
      <p>
        <a href={`/admin/figures.csv?period=${period.id}`}>{`Download these figures as CSV (${period.id})`}</a>
      </p>
      <nav aria-label="On this page">
        <ul>
          <li>
            <a href="#funnels">Funnels</a>
          </li>
          <li>
            <a href="#partners">Partners side by side</a>
          </li>
          {report.countries && (
            <li>
              <a href="#countries">By country</a>
            </li>
          )}
          <li>
            <a href="#masking">What the figures mean</a>
          </li>
        </ul>
      </nav>
      <h2 id="funnels">Funnels</h2>
      <p class="hint">
        {`A partner's ${period.kind} is the ISO weeks ${period.firstWeek} to ${period.lastWeek}: each week counts in the month of its Thursday.`}
      </p>
      {report.partners.map((partner) => (
        <>
          <h3>{partner.name}</h3>
          <FunnelChart partner={partner} questions={report.questions} period={period} />
          {props.summaries.includes(partner.id) && (
            <p>
              <a href={`/admin/figures/summary?partner=${encodeURIComponent(partner.id)}&period=${period.id}`}>
                {`Summary for ${partner.name} to publish (plain text)`}
              </a>
            </p>
          )}
        </>
      ))}
      <MaskingNote />
      <PartnerFiguresTables report={report} />
      {report.countries && <CountryFiguresTables countries={report.countries} period={period} now={props.now} />}
      <h2 id="masking">What the figures mean</h2>
      <ul>
        <li>
          <strong>fewer than 10</strong>: the figure is under 10, and may be 0. Small figures could point at one person, so they never leave
          the database as they are: not here, not in the CSV, not in a summary.
        </li>
        <li>
          <strong>withheld</strong>: the figure is 10 or more, hidden because it stands beside a single figure under 10, which the total
          minus the other figures would otherwise give back. Over a quarter, a figure is also withheld when it was shown in some of its
          months and hidden in others.
        </li>
        <li>
          A country whose every figure is hidden in a month says so; choose its quarter to see the three months together. Partners' figures
          never say a country, a situation or a language, and situations and languages are never counted together.
        </li>
        <li>
          A followed link or number is counted only when JavaScript is on in the person's browser. Urgent help can be opened at any step, so
          it is not a step of the funnel.
        </li>
      </ul>
    </>
  )
}
