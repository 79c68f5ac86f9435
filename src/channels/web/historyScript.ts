/** Progressive enhancement: each step a history entry (filled in by issue 20's history work). */
export const historyScript = ''
