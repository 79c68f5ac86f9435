import type { Translate } from '../../i18n/translate'
import type { ResultsView } from '../shared/resultsView'
import { resultsText } from '../shared/resultsText'
import type { UrgentView } from '../shared/urgentView'
import { currentFormTarget } from './FormTargetScope'
import { ServiceCard } from './ServiceCard'
import { TurnForm } from './TurnForm'

/**
 * The results: a short honest opening, ranked services (each card leading with how to reach it),
 * then general helplines; ways to keep them (a plain text version, and with JavaScript a copy
 * button) without anything stored.
 */
export function ResultsSection(props: {
  results: ResultsView
  urgent: UrgentView
  prompt: string
  state: string
  dir: 'ltr' | 'rtl'
  t: Translate
}) {
  const { results, t } = props
  // In the widget panel the plain text version opens in a new tab: the panel's frame may show only
  // panel pages (frame-ancestors), and the conversation stays where it is.
  const inPanel = currentFormTarget().action !== '/turn'
  return (
    <section id="results" aria-labelledby="question" data-count-contacts={results.countsContacts ? '' : undefined}>
      <h1 id="question" tabindex={-1}>
        {props.prompt}
      </h1>
      <p>{results.intro}</p>
      {results.languageNote ? <p class="notice">{results.languageNote}</p> : null}
      {results.services.map((service) => (
        <ServiceCard service={service} t={t} headingLevel={2} />
      ))}
      {/* After the cards, so the first way in stays on the first screen of a phone. */}
      {results.directoryNote ? <p class="muted">{results.directoryNote}</p> : null}
      {results.onFile ? (
        <p class="muted" id="on-file">
          {results.onFile.label}{' '}
          {results.onFile.records.map((record, position) => (
            <>
              {position > 0 ? ', ' : ''}
              <bdi lang="en" dir="ltr">
                {record.name}
              </bdi>
            </>
          ))}
          . {results.onFile.note}
        </p>
      ) : null}
      {results.helplines.length > 0 ? (
        <section aria-labelledby="helplines-title">
          <h2 id="helplines-title">{results.helplinesTitle}</h2>
          <p class="muted">{results.helplinesIntro}</p>
          {results.helplines.map((service) => (
            <ServiceCard service={service} t={t} headingLevel={3} />
          ))}
        </section>
      ) : null}
      <p class="muted">{results.disclaimer}</p>
      <TurnForm state={props.state} class="actions">
        <button name="action" value="back">
          {t('nav.back')}
        </button>
        <button name="action" value="restart">
          {t('nav.restart')}
        </button>
        {/* The same words as the copy, as a page of its own: to print, save or copy with JavaScript off. */}
        <button name="action" value="show" formaction="/results.txt" formtarget={inPanel ? '_blank' : undefined}>
          {t('results.plain_text')}
          {inPanel ? <small> ({t('widget.new_tab')})</small> : null}
        </button>
        {/* Shown only once copyScript runs (printStyles): without JavaScript it could do nothing. */}
        <button type="button" class="copy" data-copy="" data-copied={t('results.copied')} data-copy-failed={t('results.copy_failed')}>
          {t('results.copy')}
        </button>
      </TurnForm>
      <p class="copy-status" role="status" data-copy-status=""></p>
      <template data-copy-text="">{resultsText(props.prompt, results, props.urgent, props.dir)}</template>
    </section>
  )
}
