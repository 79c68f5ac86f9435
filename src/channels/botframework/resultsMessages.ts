import { MessageFactory, type Activity, type Attachment } from 'botbuilder'
import type { ResultsView } from '../shared/resultsView'
import type { ServiceView } from '../shared/serviceView'

/**
 * The results as messages, whatever the card: the services' carousel under the opening words, the
 * records on file without a confirmed contact, and the helplines' carousel. The caller adds the
 * disclaimer with its navigation (suggested actions or an Adaptive Card).
 * @example resultsMessages(results, (service) => plainTextCard(serviceCard(service, t)))
 */
export function resultsMessages(results: ResultsView, card: (service: ServiceView) => Attachment): Partial<Activity>[] {
  const messages: Partial<Activity>[] = [
    MessageFactory.carousel(
      results.services.map(card),
      [results.intro, results.languageNote, results.directoryNote].filter(Boolean).join('\n\n'),
    ),
  ]
  const onFile = results.onFile
  if (onFile)
    messages.push(MessageFactory.text(`${onFile.label} ${onFile.records.map((record) => record.name).join(', ')}. ${onFile.note}`))
  if (results.helplines.length > 0)
    messages.push(MessageFactory.carousel(results.helplines.map(card), `${results.helplinesTitle}\n\n${results.helplinesIntro}`))
  return messages
}
