import type { Translate } from '../../i18n/translate'
import type { TurnView } from '../shared/buildTurnView'
import { QuestionForm } from './QuestionForm'
import { ResultsSection } from './ResultsSection'
import { UrgentPanel } from './UrgentPanel'

/** What a turn shows, inside any frame (the web page or the widget panel): notice, then urgent help, results or the next question. */
export function TurnContent(props: { view: TurnView; t: Translate }) {
  const { view, t } = props
  const { step } = view
  return (
    <>
      {view.notice ? (
        <p class="notice" role="status">
          {view.notice}
        </p>
      ) : null}
      {view.urgentSuggested ? (
        <UrgentPanel urgent={view.urgent} state={view.state} t={t} headingLevel={2} returnAction={undefined} />
      ) : null}
      {view.showUrgent ? (
        <UrgentPanel
          urgent={view.urgent}
          state={view.state}
          t={t}
          headingLevel={1}
          returnAction={step.outcome === 'urgent' ? 'back' : 'show'}
        />
      ) : view.results ? (
        <>
          <ResultsSection results={view.results} urgent={view.urgent} prompt={step.prompt} state={view.state} dir={view.dir} t={t} />
          {/* Already where they were: no "back to where I was" here. */}
          {view.urgentSuggested ? null : (
            <UrgentPanel urgent={view.urgent} state={view.state} t={t} headingLevel={2} returnAction={undefined} />
          )}
        </>
      ) : (
        <>
          {/* What this is, before the first question; what it keeps, under it, so on a small screen the question still comes first. */}
          {step.number === 1 && !view.error ? <p>{t('app.tagline')}.</p> : null}
          <QuestionForm step={step} state={view.state} error={view.error} t={t} />
          {step.number === 1 && !view.error ? <p class="muted">{t('app.stores_nothing')}</p> : null}
        </>
      )}
    </>
  )
}
