import type { MaskedFigure } from '../../core/figures/maskSmall'
import type { FiguresPeriod } from '../../curation/figuresPeriod'
import type { PartnerFigures } from '../../curation/figuresReport'
import { ConsoleTable } from '../shared/ConsoleTable'
import { FigureCell } from './FigureCell'
import { partnerAnchor } from './partnerAnchor'

const BAR_COLOUR = '#1f5f8b'

/**
 * One partner's funnel as a chart that is a table: each step with its figure as text, and a bar
 * beside it, an inline SVG whose width is a presentation attribute (the console's CSP allows no
 * style attribute and no script). Bars are drawn only for figures shown, scaled to the largest of
 * them, so a bar never says more than its number; hidden figures have none.
 * @example <FunnelChart partner={report.partners[0]} questions={report.questions} period={report.period} />
 */
export function FunnelChart(props: { partner: PartnerFigures; questions: readonly string[]; period: FiguresPeriod }) {
  const { partner } = props
  const steps: Array<{ label: string; figure: MaskedFigure }> = [
    { label: 'Opened (the widget or page loaded)', figure: partner.steps.opened },
    { label: 'Conversation started', figure: partner.steps.started },
    ...props.questions.map((question, at) => ({
      label: `Reached the question “${question}”`,
      figure: partner.reached[at] ?? { withheld: true },
    })),
    { label: 'Results shown', figure: partner.steps.results },
    { label: 'Followed a link or number to a service', figure: partner.steps.contact },
    { label: 'Opened urgent help (at any step)', figure: partner.steps.urgent },
  ]
  const largest = Math.max(0, ...steps.map((step) => ('count' in step.figure ? step.figure.count : 0)))
  return (
    <ConsoleTable
      id={`funnel-${partnerAnchor(partner.id)}`}
      caption={`${partner.name}, ${props.period.label}: conversations at each step. A bar compares the figures shown; hidden figures have none.`}
      headings={['Step', 'Conversations', 'Compared with the largest']}
      items={steps}
      row={(step) => (
        <tr>
          <th scope="row">{step.label}</th>
          <FigureCell figure={step.figure} />
          <td>{'count' in step.figure && largest > 0 ? <Bar share={step.figure.count / largest} /> : null}</td>
        </tr>
      )}
    />
  )
}

/** A horizontal bar for a share from 0 to 1; decoration only: the number beside it is the text. */
function Bar(props: { share: number }) {
  const width = Math.max(1, Math.round(props.share * 100))
  return (
    <svg width="240" height="14" viewBox="0 0 100 14" preserveAspectRatio="none" aria-hidden="true">
      <rect x="0" y="0" width={String(width)} height="14" fill={BAR_COLOUR} />
    </svg>
  )
}
