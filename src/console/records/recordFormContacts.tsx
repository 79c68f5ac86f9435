import { ContactSchema } from '../../core/directory/initiativeSchema'
import type { FormProblem } from './recordFormIssues'
import { RecordFormRows } from './recordFormRows'
import { isBlankContact, type ContactValues } from './recordFormValues'

const CHANNELS = [
  ['', 'choose a channel'],
  ...ContactSchema.shape.channel.options.map((channel) => [channel, channel.replace(/_/g, ' ')] as const),
] as const

/**
 * One fieldset per contact: existing ones with a "remove" box, then empty ones for adding (an
 * empty one is ignored). Without JavaScript, saving brings more empty ones.
 * @example <RecordFormContacts rows={rows} problems={problems} />
 */
export function RecordFormContacts(props: { rows: ContactValues[]; problems: FormProblem[] }) {
  return (
    <RecordFormRows
      group="contacts"
      heading="Contacts"
      hint="One box per way to reach the service. A box left entirely empty is ignored; to add more than the empty boxes below, save and more appear."
      rows={props.rows}
      problems={props.problems}
      isBlank={isBlankContact}
      legend={(row, number, blank) =>
        blank ? `Contact ${number} (new, optional)` : `Contact ${number}${row.channel ? ` (${row.channel.replace(/_/g, ' ')})` : ''}`
      }
      removeLabel="Remove this contact"
      fields={[
        { name: 'channel', control: 'select', options: CHANNELS },
        {
          name: 'value',
          hint: 'A phone number as the service writes it (with +country code when it has one), an email address or a https:// link. Empty when the record names the channel but no address.',
        },
        { name: 'hours', hint: 'When it is open, as the source says it, e.g. Mon–Fri 09:00–17:00.' },
        { name: 'languages', hint: 'ISO 639-1 codes, e.g. de, en. Empty when not known.' },
        {
          name: 'countries',
          hint: 'ISO 3166-1 codes of the countries this number works from, e.g. GB for a UK freephone. Empty when it works wherever the service works.',
        },
        { name: 'notes', control: 'textarea' },
      ]}
    />
  )
}
