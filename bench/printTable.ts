const print = (line: string) => process.stdout.write(`${line}\n`)

/**
 * Prints a plain-text table: the first column left-aligned, the others right-aligned.
 * @example printTable(['surface', 'requests'], [['GET /', '2200']])
 */
export function printTable(header: string[], rows: string[][]): void {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)))
  const line = (cells: string[]) =>
    cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0))).join('  ')
  print(line(header))
  print(widths.map((width) => '-'.repeat(width)).join('  '))
  for (const row of rows) print(line(row))
}
