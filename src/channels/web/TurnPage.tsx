import type { Translate } from '../../i18n/translate'
import type { TurnView } from '../shared/buildTurnView'
import type { IndexableHead } from './landingHead'
import { Layout } from './Layout'
import { TurnContent } from './TurnContent'

/** A whole conversation page of the web channel; `indexable` only when it is a landing page. */
export function TurnPage(props: { view: TurnView; nonce: string; t: Translate; indexable?: IndexableHead }) {
  const { view, t } = props
  return (
    <Layout
      t={t}
      ui={view.ui}
      dir={view.dir}
      nonce={props.nonce}
      state={view.state}
      languages={view.languages}
      title={stepTitle(view, t)}
      indexable={props.indexable}
    >
      <TurnContent view={view} t={t} />
    </Layout>
  )
}

/** Which kind of page this is, in words that say nothing about the person's answers. */
function stepTitle(view: TurnView, t: Translate): string {
  if (view.showUrgent) return t('urgent.title')
  if (view.results) return t('results.page_title')
  return t('nav.step_count', { number: view.step.number, total: view.step.total })
}
