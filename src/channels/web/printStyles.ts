/** What a printed page keeps: only the results (filled in by issue 20's results work). */
export const printStyles = ''
