import type { MaskedFigure } from '../core/figures/maskSmall'
import { figureText } from './figureText'
import type { FiguresReport } from './figuresReport'

/**
 * A partner's figures for the report's period as plain text the partner could publish as it is:
 * how often Helpfinder was opened on its site, and how many conversations started, reached
 * results, opened urgent help and followed a contact link, masked as everywhere else. Undefined
 * when the report has no such partner.
 * @example figuresSummary(report, 'demo-helpline') // 'Helpfinder on … November 2026\n\nIn November 2026, …'
 */
export function figuresSummary(report: FiguresReport, partnerId: string): string | undefined {
  const partner = report.partners.find((candidate) => candidate.id === partnerId)
  if (!partner) return undefined
  const { period } = report
  const { opened, started, results, urgent, contact } = partner.steps
  const weeks = `${period.firstWeek} to ${period.lastWeek}`
  return [
    `Helpfinder on ${partner.name}'s site: ${period.label}`,
    '',
    `${period.opening}, Helpfinder on ${partner.name}'s site was opened ${amount(opened)} times; ` +
      `${amount(started)} conversations started; ${amount(results)} reached results; ` +
      `${amount(urgent)} opened urgent help; and ${amount(contact)} followed a link or number to a service ` +
      '(counted only where JavaScript is on).',
    '',
    `These figures cover the ISO weeks ${weeks} (a week is counted in the month of its Thursday). ` +
      'Figures under 10 are shown as "fewer than 10". Where a figure could be worked out from the others, it is withheld.',
    '',
    'Helpfinder keeps no record of any conversation: only counters per week, with no address, no cookie and nothing anyone typed. ' +
      'Nothing else about any conversation is known.',
    '',
  ].join('\n')
}

/** A figure inside a sentence: "1,234", "fewer than 10", or "an unstated number of" (withheld). */
function amount(figure: MaskedFigure): string {
  return 'withheld' in figure ? 'an unstated number of' : figureText(figure)
}
