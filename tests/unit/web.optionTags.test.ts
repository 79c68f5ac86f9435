import { describe, expect, it } from 'vitest'
import { optionTags } from '../../src/channels/web/optionTags'

describe('optionTags', () => {
  it('escapes values and labels and marks the selected entry', () => {
    const markup = optionTags([
      { value: 'A"B', label: 'Côte <d’Ivoire> & "friends"', selected: false },
      { value: 'DE', label: 'Deutschland', selected: true },
    ]).toString()
    expect(markup).toBe(
      '<option value="A&quot;B">Côte &lt;d’Ivoire&gt; &amp; &quot;friends&quot;</option><option value="DE" selected="">Deutschland</option>',
    )
  })

  it('renders the same list the same way from its cache, and a different selection differently', () => {
    const entries = [{ value: 'NL', label: 'Nederland', selected: false }]
    expect(optionTags(entries).toString()).toBe(optionTags([...entries]).toString())
    expect(optionTags([{ ...entries[0], value: 'NL', label: 'Nederland', selected: true }]).toString()).toContain('selected=""')
  })
})
