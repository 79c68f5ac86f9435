/** Letters that carry their mark inside them (NFD leaves them whole): typed without it on many keyboards. */
const FOLDED: Record<string, string> = { ħ: 'h', ı: 'i', đ: 'd', ł: 'l', ø: 'o', æ: 'ae', œ: 'oe', ß: 'ss', þ: 'th', ð: 'd' }

/**
 * Case-, accent- and space-insensitive form of typed text, so "  ÖSTERREICH " finds "österreich",
 * "ħajti" finds "hajti" and "أريد" finds "اريد" (combining marks such as the hamza are dropped).
 */
export function normaliseText(text: string): string {
  return (
    text
      .normalize('NFD')
      .replace(/\p{Mark}/gu, '')
      .toLocaleLowerCase('en')
      .replace(/[ħıđłøæœßþð]/gu, (letter) => FOLDED[letter] ?? letter)
      // U+02BC (the Ukrainian apostrophe some keyboards type) is a letter to Unicode; here it is punctuation, as ' and ’ are.
      .replace(/(?:[^\p{Letter}\p{Number}]|\u02bc)+/gu, ' ')
      .trim()
  )
}
