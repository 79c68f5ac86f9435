import type { FiguresReport } from '../../curation/figuresReport'
import { ConsoleTable } from '../shared/ConsoleTable'
import { FigureCell } from './FigureCell'
import { MaskingNote } from './MaskingNote'
import { partnerAnchor } from './partnerAnchor'

/**
 * The partners side by side: their funnels' steps in one table, and how many conversations reached
 * each question in another (the drop-off, in the order the questions are asked).
 * @example <PartnerFiguresTables report={report} />
 */
export function PartnerFiguresTables(props: { report: FiguresReport }) {
  const { report } = props
  return (
    <>
      <h2 id="partners">Partners</h2>
      <ConsoleTable
        id="partner-funnel"
        caption={`Conversations per partner, ${report.period.label}. Urgent help can be opened at any step.`}
        headings={['Partner', 'Opened', 'Started', 'Results shown', 'Followed a link or number', 'Opened urgent help']}
        items={report.partners}
        row={(partner) => (
          <tr id={`partner-${partnerAnchor(partner.id)}`}>
            <th scope="row">
              {partner.name}
              <div class="hint">{partner.id}</div>
            </th>
            <FigureCell figure={partner.steps.opened} />
            <FigureCell figure={partner.steps.started} />
            <FigureCell figure={partner.steps.results} />
            <FigureCell figure={partner.steps.contact} />
            <FigureCell figure={partner.steps.urgent} />
          </tr>
        )}
      />
      <MaskingNote />
      <h3 id="questions">Questions reached</h3>
      {/* Wider than a narrow window: focusable so keyboard users can scroll it (axe: scrollable-region-focusable). */}
      {/* biome-ignore lint/a11y/useSemanticElements: a scrolling box named by its heading, not a section of the page */}
      <div class="scroll" tabindex={0} role="region" aria-labelledby="questions">
        <ConsoleTable
          id="partner-questions"
          caption={`Conversations per partner that reached each question, in the order they are asked, ${report.period.label}. A question asked only on some paths is reached by fewer.`}
          headings={['Partner', ...report.questions.map((question) => <code>{question}</code>)]}
          items={report.partners}
          row={(partner) => (
            <tr id={`questions-${partnerAnchor(partner.id)}`}>
              <th scope="row">{partner.name}</th>
              {partner.reached.map((figure) => (
                <FigureCell figure={figure} />
              ))}
            </tr>
          )}
        />
      </div>
      <MaskingNote />
    </>
  )
}
