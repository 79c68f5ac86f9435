/**
 * What makes a spreadsheet read a cell as a formula (OWASP, "CSV injection"): a leading `=`, `+`,
 * `-`, `@`, tab or carriage return, possibly behind apostrophes this guard added before.
 */
const FORMULA_START = /^'*[=+\-@\t\r]/

/**
 * A cell a spreadsheet shows as text: a value that could start a formula gets a leading `'`.
 * `unguardFormula` takes exactly that `'` off again, so export → import gives the same value.
 * @example guardFormula('+49 30 1234567') // "'+49 30 1234567"
 */
export function guardFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value
}

/**
 * A cell as stored: one leading `'` comes off when what follows starts a formula (what
 * `guardFormula` writes); any other text, and a formula typed without the `'`, stays as it is.
 * @example unguardFormula("'+49 30 1234567") // '+49 30 1234567'
 */
export function unguardFormula(cell: string): string {
  return cell.startsWith("'") && FORMULA_START.test(cell) ? cell.slice(1) : cell
}
