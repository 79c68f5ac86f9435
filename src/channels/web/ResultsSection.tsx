import type { Translate } from '../../i18n/translate'
import type { ResultsView } from '../shared/resultsView'
import { ServiceCard } from './ServiceCard'
import { TurnForm } from './TurnForm'

/** The results: an honest opening, ranked services, then general helplines. */
export function ResultsSection(props: { results: ResultsView; prompt: string; state: string; t: Translate }) {
  const { results, t } = props
  return (
    <section id="results" aria-labelledby="question">
      <h1 id="question" tabindex={-1}>
        {props.prompt}
      </h1>
      <p>{results.intro}</p>
      {results.languageNote ? <p class="notice">{results.languageNote}</p> : null}
      {results.directoryNote ? <p class="muted">{results.directoryNote}</p> : null}
      {results.services.map((service) => (
        <ServiceCard service={service} t={t} />
      ))}
      {results.onFile ? (
        <p class="muted" id="on-file">
          {results.onFile.label}{' '}
          {results.onFile.records.map((record, position) => (
            <>
              {position > 0 ? ', ' : ''}
              <span lang="en" dir="ltr">
                {record.name}
              </span>
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
            <ServiceCard service={service} t={t} />
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
      </TurnForm>
    </section>
  )
}
