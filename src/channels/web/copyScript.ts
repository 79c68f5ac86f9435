/** Progressive enhancement: "Copy these details" on results (filled in by issue 20's results work). */
export const copyScript = ''
