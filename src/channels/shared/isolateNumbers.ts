/** LEFT-TO-RIGHT ISOLATE and POP DIRECTIONAL ISOLATE: plain text's `<bdi dir="ltr">`. */
const LRI = '\u2066'
const PDI = '\u2069'

/**
 * What is left alone, then what is isolated: a run already isolated; a word with Latin letters or
 * an @ in it (an address: an invisible character inside it would break it when pasted); digits in
 * groups as numbers are written ("0800 111 0 111", "+49 30 450", "0941/941-1088", "9:00–17:00"),
 * whole, since isolating their parts one by one would reverse the parts.
 */
const TOKEN = /\u2066[^\u2069]*\u2069|\S*[A-Za-z@]\S*|(\+?\d+(?:[ .:/\-–]\d+)*)/g

/**
 * Text with every number in it isolated left to right, for right-to-left interface languages: a
 * chat client or a pasted note then keeps "0800 111 0 111" in order instead of reversing its
 * groups. Left-to-right text is returned as it is: numbers already read in order there, and an
 * invisible character beside a number can stop a client from offering to call it. Only for words
 * shown; never for a tel: address or a button's value. Isolating twice changes nothing.
 * @example isolateNumbers('اتصل بالرقم 116 111 الآن.', 'rtl') // 'اتصل بالرقم \u2066116 111\u2069 الآن.'
 */
export function isolateNumbers(text: string, dir: 'ltr' | 'rtl'): string {
  if (dir === 'ltr') return text
  return text.replace(TOKEN, (token, number: string | undefined) => (number ? `${LRI}${number}${PDI}` : token))
}
