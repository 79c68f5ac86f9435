import type { FormProblem } from './recordFormIssues'

/**
 * A field's hint and, after a refused save, its error, with the ids `aria-describedby` names;
 * `describedBy` is what the control or fieldset should carry.
 * @example const notes = fieldNotes('website', hint, problems); <input aria-describedby={notes.describedBy} />{notes.element}
 */
export function fieldNotes(id: string, hint: string | undefined, problems: readonly FormProblem[]) {
  const errors = problems.filter((problem) => problem.field === id).map((problem) => problem.message)
  const describedBy = [hint ? `${id}-hint` : '', errors.length > 0 ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined
  const element = (
    <>
      {hint && (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {errors.length > 0 && (
        <p class="field-error" id={`${id}-error`}>
          {errors.join(' ')}
        </p>
      )}
    </>
  )
  return { invalid: errors.length > 0, describedBy, element }
}
