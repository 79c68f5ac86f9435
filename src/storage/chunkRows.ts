/** Splits rows so no statement binds more than `maxParams` values (D1 allows 100 per statement). */
export function chunkRows<T extends object>(rows: T[], maxParams: number): T[][] {
  const columns = Math.max(1, ...rows.map((row) => Object.keys(row).length))
  const size = Math.max(1, Math.floor(maxParams / columns))
  const chunks: T[][] = []
  for (let start = 0; start < rows.length; start += size) chunks.push(rows.slice(start, start + size))
  return chunks
}
