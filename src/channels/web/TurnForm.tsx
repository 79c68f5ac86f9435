import { createContext, useContext, type Child } from 'hono/jsx'

/** Where a page's forms post, and the fields every one of them carries (the widget's settings). */
export interface FormTarget {
  action: string
  hidden: readonly (readonly [string, string])[]
}

/** The web channel posts to /turn; the widget panel provides its own target. */
export const FormTargetContext = createContext<FormTarget>({ action: '/turn', hidden: [] })

/**
 * A POST form of the conversation, carrying the sealed state and the page's own fields.
 * @example <TurnForm state={view.state} class="actions"><button name="action" value="back">…</button></TurnForm>
 */
export function TurnForm(props: { state: string | undefined; id?: string; class?: string; novalidate?: boolean; step?: string; children?: Child }) {
  const target = useContext(FormTargetContext)
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
