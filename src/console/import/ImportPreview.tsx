import type { ImportPlan } from '../../curation/planImport'
import { ConsoleTable } from '../shared/ConsoleTable'

const OUTCOME = { add: 'new record', change: 'changes a record', unchanged: 'no change', fails: 'cannot be imported' } as const

/** The preview of an import: every row with what it would do, or every reason it cannot be imported. */
export function ImportPreview(props: { plan: ImportPlan; fileName: string; removed: string[] }) {
  const { plan } = props
  const failing = plan.rows.filter((row) => row.outcome === 'fails')
  const count = (outcome: keyof typeof OUTCOME) => plan.rows.filter((row) => row.outcome === outcome).length
  return (
    <section aria-labelledby="preview-heading">
      <h2 id="preview-heading">Preview of {props.fileName}</h2>
      {plan.ok ? (
        <p class="ok" role="status">
          {`All ${plan.rows.length} row(s) can be imported: ${count('add')} new, ${count('change')} changed, ${count('unchanged')} unchanged${props.removed.length > 0 ? `, and ${props.removed.length} record(s) removed because the file replaces the whole directory` : ''}. Nothing has been changed yet.`}
        </p>
      ) : (
        <div class="error" role="alert">
          <p>{`Nothing can be imported from this file: ${plan.fileProblems.length > 0 ? 'the file itself cannot be read as a directory file' : `${failing.length} of ${plan.rows.length} row(s) fail${plan.otherProblems.length > 0 ? ', and the import would break other records' : ''}`}. An import is all or nothing, so nothing has been changed. Correct the file and upload it again.`}</p>
        </div>
      )}
      {plan.fileProblems.length > 0 && (
        <ul>
          {plan.fileProblems.map((problem) => (
            <li>{problem}</li>
          ))}
        </ul>
      )}
      {plan.otherProblems.length > 0 && (
        <>
          <h3>Problems outside the file's rows</h3>
          <ul>
            {plan.otherProblems.map((problem) => (
              <li>{problem}</li>
            ))}
          </ul>
        </>
      )}
      {props.removed.length > 0 && <p>{`Removed by this import: ${props.removed.join(', ')}`}</p>}
      <ConsoleTable
        headings={['Row', 'Id', 'Name', 'What happens']}
        items={plan.rows}
        empty={null}
        row={(row) => (
          <tr class={row.outcome === 'fails' ? 'fails' : undefined}>
            <td>{row.row}</td>
            <td>{row.id ?? '?'}</td>
            <td>{row.name ?? ''}</td>
            <td>
              <strong>{OUTCOME[row.outcome]}</strong>
              {row.problems.length > 0 && (
                <ul>
                  {row.problems.map((problem) => (
                    <li>{problem}</li>
                  ))}
                </ul>
              )}
            </td>
          </tr>
        )}
      />
    </section>
  )
}
