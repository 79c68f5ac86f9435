import type { Translate } from '../../i18n/translate'
import type { TurnView } from '../shared/buildTurnView'
import { Layout } from './Layout'
import { TurnContent } from './TurnContent'

/** A whole conversation page of the web channel. */
export function TurnPage(props: { view: TurnView; nonce: string; t: Translate }) {
  const { view, t } = props
  return (
    <Layout t={t} ui={view.ui} dir={view.dir} nonce={props.nonce} state={view.state} languages={view.languages}>
      <TurnContent view={view} t={t} />
    </Layout>
  )
}
