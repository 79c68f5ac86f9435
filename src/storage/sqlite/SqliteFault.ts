/**
 * A database file that cannot be used, said in plain words for the operator: `reason` completes
 * "the database file X …". `moved`: the path no longer leads to the file that was opened.
 * @example throw new SqliteFault('is a folder, not a file')
 */
export class SqliteFault extends Error {
  constructor(
    readonly reason: string,
    readonly moved = false,
  ) {
    super(`the database file ${reason}`)
    this.name = 'SqliteFault'
  }
}
