import type { Child } from 'hono/jsx'

/** Digits in groups, as phone numbers are written ("0800 111 0 111", "+49 30 123"). */
const NUMBER = /\+?\d+(?: \d+)*/g

/**
 * A translated sentence with every number in it isolated left to right and kept on one line, so a
 * right-to-left page reads "0800 111 0 111" in order instead of reordering or splitting its groups.
 * @example <IsolatedNumbers text={urgent.callFirst} />
 */
export function IsolatedNumbers(props: { text: string }) {
  const parts: Child[] = []
  let last = 0
  for (const match of props.text.matchAll(NUMBER)) {
    parts.push(props.text.slice(last, match.index))
    parts.push(
      <bdi class="digits" dir="ltr">
        {match[0]}
      </bdi>,
    )
    last = match.index + match[0].length
  }
  parts.push(props.text.slice(last))
  return <>{parts}</>
}
