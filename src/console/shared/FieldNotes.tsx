import type { Child } from 'hono/jsx'

/**
 * A field's hint and, after a refused save, its error, with the ids `aria-describedby` names;
 * `aria` is what the control should carry. `problems`: the record form's (recordFormIssues) or the partner form's.
 * @example const notes = fieldNotes('website', hint, problems); <input {...notes.aria} />{notes.element}
 */
export function fieldNotes(id: string, hint: Child | undefined, problems: readonly { field: string | undefined; message: string }[]) {
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
  const invalid = errors.length > 0
  /** The attributes that tie the control to its hint and error. */
  const aria = { 'aria-describedby': describedBy, 'aria-invalid': invalid ? ('true' as const) : undefined }
  return { invalid, describedBy, aria, element }
}
