import type { Translate } from '../../i18n/translate'
import type { TurnView } from '../shared/buildTurnView'
import { TurnContent } from '../web/TurnContent'
import { FormTargetScope } from '../web/FormTargetScope'
import { PanelLayout } from './PanelLayout'

/** One turn in the widget panel: the web channel's content, its forms posting to /widget/turn with the widget's settings. */
export function PanelPage(props: {
  view: TurnView
  nonce: string
  t: Translate
  fields: [string, string][]
  accent: { accent: string; onAccent: string }
  consoleNote: string | undefined
}) {
  const { view, t } = props
  return (
    <FormTargetScope value={{ action: '/widget/turn', hidden: props.fields }}>
      <PanelLayout
        t={t}
        ui={view.ui}
        dir={view.dir}
        nonce={props.nonce}
        state={view.state}
        languages={view.languages}
        accent={props.accent}
        consoleNote={props.consoleNote}
      >
        <TurnContent view={view} t={t} />
      </PanelLayout>
    </FormTargetScope>
  )
}
