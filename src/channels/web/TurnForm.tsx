import type { Child } from 'hono/jsx'
import { currentFormTarget } from './FormTargetScope'

/**
 * A POST form of the conversation, carrying the sealed state and the page's own fields (FormTargetScope).
 * @example <TurnForm state={view.state} class="actions"><button name="action" value="back">…</button></TurnForm>
 */
export function TurnForm(props: {
  state: string | undefined
  id?: string
  class?: string
  novalidate?: boolean
  step?: string
  children?: Child
}) {
  const target = currentFormTarget()
  return (
    <form method="post" action={target.action} id={props.id} class={props.class} novalidate={props.novalidate} data-step={props.step}>
      {props.state ? <input type="hidden" name="state" value={props.state} /> : null}
      {target.hidden.map(([name, value]) => (
        <input type="hidden" name={name} value={value} />
      ))}
      {props.children}
    </form>
  )
}
