import { describe, expect, it } from 'vitest'
import ar from '../../locales/ar/translation.json'
import { isolateNumbers } from '../../src/channels/shared/isolateNumbers'

// Issue 20: plain text (the bot's words, the copy, POST /results.txt) has no <bdi>, so in a
// right-to-left language every number is wrapped in U+2066 LEFT-TO-RIGHT ISOLATE … U+2069 POP
// DIRECTIONAL ISOLATE. Shown here with ⟨ ⟩ for readability.

const shown = (text: string) => text.replace(/\u2066/g, '⟨').replace(/\u2069/g, '⟩')
const rtl = (text: string) => shown(isolateNumbers(text, 'rtl'))

describe('isolateNumbers', () => {
  it('isolates each number whole, its groups and separators inside', () => {
    expect(rtl(ar.urgent.call_first.replace('{{number}}', '0800 111 0 111'))).toBe('اتصل بالرقم ⟨0800 111 0 111⟩ الآن.')
    // Every way the directory writes a number: isolating the parts one by one would reverse them.
    expect(rtl('+49 30 450 529 529 · 0941/941-1088 · 0800/200.99 · 1-888-773-8368')).toBe(
      '⟨+49 30 450 529 529⟩ · ⟨0941/941-1088⟩ · ⟨0800/200.99⟩ · ⟨1-888-773-8368⟩',
    )
    expect(rtl('ساعات العمل: 24/7، 9:00–17:00')).toBe('ساعات العمل: ⟨24/7⟩، ⟨9:00–17:00⟩')
  })

  it('isolates a number joined to an Arabic word, and leaves the sentence’s full stop outside', () => {
    expect(rtl(ar.urgent.eu)).toBe(
      'في جميع دول الاتحاد الأوروبي: ⟨112⟩ للطوارئ. وفي كثير من الدول الأوروبية أيضاً ⟨116 111⟩ للأطفال واليافعين، و⟨116 123⟩ للدعم العاطفي.',
    )
    expect(rtl('اتصل بالرقم 112.')).toBe('اتصل بالرقم ⟨112⟩.')
  })

  it('leaves addresses whole: an invisible character inside one would break it when pasted', () => {
    const text = 'الموقع: https://www.example.org/help-2024/step?id=7 · help24@example.org · www.116111.eu · 9am-5pm'
    expect(isolateNumbers(text, 'rtl')).toBe(text)
  })

  it('changes nothing the second time', () => {
    const once = isolateNumbers('الهاتف: 0800 111 0 111 أو 116 123', 'rtl')
    expect(shown(once)).toBe('الهاتف: ⟨0800 111 0 111⟩ أو ⟨116 123⟩')
    expect(isolateNumbers(once, 'rtl')).toBe(once)
  })

  it('leaves left-to-right text as it is', () => {
    for (const text of ['Call 0800 111 0 111 now.', 'Telefon: +49 30 450 529 529', '']) expect(isolateNumbers(text, 'ltr')).toBe(text)
  })
})
