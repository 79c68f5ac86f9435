import { describe, expect, it } from 'vitest'
import { serviceCard } from '../../src/channels/botframework/serviceCard'
import { serviceView } from '../../src/channels/shared/serviceView'
import type { Initiative } from '../../src/core/directory/initiativeSchema'
import { isFreeFrom } from '../../src/core/directory/isFreeFrom'
import type { Profile } from '../../src/core/matching/profileFromAnswers'
import { scoreInitiative } from '../../src/core/matching/scoreInitiative'
import { createTranslator } from '../../src/i18n/createTranslator'
import { loadBundledData } from '../../src/storage/bundledData'

// Contacts given for some countries only: the card links the one that works from the person's
// country, and "Free" follows the number they can actually call.
const data = loadBundledData()
const stopItNow = data.initiatives.find((initiative) => initiative.id === 'stop-it-now-uk-ireland')
if (!stopItNow) throw new Error('stop-it-now-uk-ireland missing from data/')
const profile = (country: string): Profile => ({ country, language: 'en', tags: { target_group: ['fear_may_offend'] } })
const phone = (value: string, countries?: string[]): Initiative['contacts'][number] => ({
  channel: 'phone',
  value,
  hours: null,
  languages: null,
  notes: null,
  ...(countries ? { countries } : {}),
})
/** A record whose only phone is a national freephone (fictional numbers). */
const onlyFreephone: Initiative = { ...stopItNow, id: 'fictional-freephone-only', contacts: [phone('0808 0000 000', ['GB'])] }

describe('the data: Stop It Now UK & Ireland', () => {
  it('gives its freephone for the UK and its international number without a limit', () => {
    const phones = stopItNow.contacts.filter((contact) => contact.channel === 'phone')
    expect(phones.map((contact) => [contact.value, contact.countries])).toEqual([
      ['0808 1000 900', ['GB']],
      ['+44 1372 847 161', undefined],
    ])
  })
})

describe('free, as it holds for the person', () => {
  it('is not confirmed from a country the free number does not work from', () => {
    expect(isFreeFrom(stopItNow, 'GB')).toBe(true)
    expect(isFreeFrom(stopItNow, 'IE')).toBeNull()
    expect(isFreeFrom(stopItNow, undefined)).toBe(true)
    expect(isFreeFrom({ ...stopItNow, free: false }, 'IE')).toBe(false)
  })

  it('gives "Free" as a reason in the UK, not in Ireland', () => {
    expect(scoreInitiative(stopItNow, profile('GB')).reasons.map((reason) => reason.key)).toContain('reason.free')
    expect(scoreInitiative(stopItNow, profile('IE')).reasons.map((reason) => reason.key)).not.toContain('reason.free')
  })
})

describe('the card', () => {
  it('from Ireland: the international number is the only call link; the cost line does not say free', async () => {
    const t = (await createTranslator()).t('en')
    const view = serviceView(stopItNow, [], t, 'en', Date.now(), 'IE')
    const phones = view.contacts.filter((contact) => contact.label === t('channel.phone'))
    expect(phones.map((contact) => [contact.text, contact.href])).toEqual([['+44 1372 847 161', 'tel:+441372847161']])
    expect(view.cost).toBe('Calls from your country may cost')
    const card = serviceCard(view, t, 'ltr')
    expect(
      card.content.buttons.filter((button: { type: string }) => button.type === 'call').map((button: { value: string }) => button.value),
    ).toEqual(['tel:+441372847161'])
  })

  it('from the UK: the freephone first, with a note saying which country it is for', async () => {
    const t = (await createTranslator()).t('en')
    const view = serviceView(stopItNow, [], t, 'en', Date.now(), 'GB')
    expect(view.contacts[0]).toMatchObject({
      text: '0808 1000 900',
      href: 'tel:08081000900',
      countryNote: 'For calls from: United Kingdom',
    })
    expect(view.cost).toBe('Free')
  })

  it('a number that works from nowhere near the person stays, unlinked, with its countries named', async () => {
    const t = (await createTranslator()).t('de')
    const view = serviceView(onlyFreephone, [], t, 'de', Date.now(), 'IE')
    expect(view.contacts.filter((contact) => contact.text === '0808 0000 000')).toEqual([
      expect.objectContaining({ href: undefined, countryNote: 'Für Anrufe aus: Vereinigtes Königreich' }),
    ])
    const card = serviceCard(view, t, 'ltr')
    expect(card.content.buttons.some((button: { type: string }) => button.type === 'call')).toBe(false)
    expect(card.content.text).toContain('0808 0000 000 (Für Anrufe aus: Vereinigtes Königreich)')
  })
})
