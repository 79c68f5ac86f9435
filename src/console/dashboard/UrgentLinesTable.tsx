import type { Child } from 'hono/jsx'
import { ConsoleTable } from '../shared/ConsoleTable'

/**
 * Urgent-help lines as the dashboard lists them: country and line, and when `withLastChecked`, the
 * day each was last checked. Their numbers live in data/urgent-help.json, so there is nothing to open.
 * @example <UrgentLinesTable id="never-urgent" caption="2 urgent-help line(s) never checked." lines={lines} />
 */
export function UrgentLinesTable(props: {
  id: string
  caption: Child
  lines: readonly { country: string; name: string; lastChecked?: string }[]
  withLastChecked?: boolean
}) {
  return (
    <ConsoleTable
      id={props.id}
      caption={props.caption}
      headings={props.withLastChecked ? ['Country', 'Line', 'Last checked'] : ['Country', 'Line']}
      items={props.lines}
      empty={<p>None.</p>}
      row={(line) => (
        <tr>
          <td>{line.country}</td>
          <td>{line.name}</td>
          {props.withLastChecked && <td>{line.lastChecked}</td>}
        </tr>
      )}
    />
  )
}
