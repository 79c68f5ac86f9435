import { isolateNumbers } from './isolateNumbers'
import type { ResultsView } from './resultsView'
import type { ReachLine } from './reachLines'
import type { ServiceView } from './serviceView'
import type { UrgentView } from './urgentView'

/**
 * The results as plain text to keep (copy, the plain text version, a chat): each service's name,
 * its numbers and addresses written out in full, hours, cost and anonymity, then the urgent
 * numbers. Built from the view alone, so every channel gives the same words. In a right-to-left
 * language (`dir`) every number is isolated, so a pasted note keeps "0800 111 0 111" in order;
 * addresses are left whole.
 * @example resultsText(view.step.prompt, view.results, view.urgent, view.dir).split('\n')[0] // 'Services that may help you'
 */
export function resultsText(title: string, results: ResultsView, urgent: UrgentView, dir: 'ltr' | 'rtl'): string {
  const blocks = [
    [title, results.intro].join('\n'),
    ...results.services.map(serviceText),
    ...(results.helplines.length > 0 ? [results.helplinesTitle, ...results.helplines.map(serviceText)] : []),
    urgentText(urgent),
  ]
  return isolateNumbers(`${blocks.join('\n\n')}\n`, dir)
}

function serviceText(service: ServiceView): string {
  return [service.name, ...service.reach.flatMap(reachText), `${service.cost} · ${service.anonymity}`].join('\n')
}

/** "Phone: 0800 70 222 40", "Chat: through their website https://…" (the address in full, to type in), and its notes indented. */
function reachText(line: ReachLine): string[] {
  const address = line.href && !line.href.startsWith('tel:') && !line.href.startsWith('mailto:') ? line.href : line.text
  const lead = line.leadsTo ? `${line.leadsTo} ` : `${line.label}: `
  return [
    `${lead}${address}${line.countryNote ? ` (${line.countryNote})` : ''}`,
    ...line.notes.map((note) => `  ${note.label ? `${note.label}: ` : ''}${note.text}`),
  ]
}

function urgentText(urgent: UrgentView): string {
  const title = urgent.countryName ? `${urgent.title} · ${urgent.countryName}` : urgent.title
  return [
    title,
    ...urgent.lines.map((line) => {
      const named = line.name === line.kindLabel ? line.kindLabel : `${line.kindLabel} (${line.name})`
      return `${named}: ${line.number}${line.hours ? ` · ${line.hours}` : ''}`
    }),
  ].join('\n')
}
