import { ContactSchema } from '../../core/directory/initiativeSchema'
import { RecordFormField } from './recordFormField'
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
      isBlank={isBlankContact}
      legend={(row, number, blank) =>
        blank ? `Contact ${number} (new, optional)` : `Contact ${number}${row.channel ? ` (${row.channel.replace(/_/g, ' ')})` : ''}`
      }
      removeLabel="Remove this contact"
      fields={(row, id) => (
        <>
          <RecordFormField
            id={id('channel')}
            label="Channel"
            value={row.channel}
            problems={props.problems}
            control="select"
            options={CHANNELS}
          />
          <RecordFormField
            id={id('value')}
            label="Number or address"
            value={row.value}
            problems={props.problems}
            hint="A phone number as the service writes it (with +country code when it has one), an email address or a https:// link. Empty when the record names the channel but no address."
          />
          <RecordFormField
            id={id('hours')}
            label="Hours"
            value={row.hours}
            problems={props.problems}
            hint="When it is open, as the source says it, e.g. Mon–Fri 09:00–17:00."
          />
          <RecordFormField
            id={id('languages')}
            label="Languages"
            value={row.languages}
            problems={props.problems}
            hint="ISO 639-1 codes, e.g. de, en. Empty when not known."
          />
          <RecordFormField
            id={id('countries')}
            label="Countries"
            value={row.countries}
            problems={props.problems}
            hint="ISO 3166-1 codes of the countries this number works from, e.g. GB for a UK freephone. Empty when it works wherever the service works."
          />
          <RecordFormField id={id('notes')} label="Notes" value={row.notes} problems={props.problems} control="textarea" />
        </>
      )}
    />
  )
}
