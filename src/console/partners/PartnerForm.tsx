import type { Child } from 'hono/jsx'
import { PARTNER_FIELDS, type PartnerErrors, type PartnerField, type PartnerInput } from './partnerFormInput'
import { ConsoleTable } from '../shared/ConsoleTable'
import { fieldNotes } from '../shared/FieldNotes'

const LABELS: Record<PartnerField, string> = {
  id: 'Partner id',
  name: 'Name',
  fictional: 'Fictional',
  origins: 'Origins allowed to embed the widget',
  featured: 'Featured services',
  defaultCountry: 'Default country',
  defaultLanguage: 'Default language',
  lastChecked: 'Last checked',
  notes: 'Notes',
}

/** A service a partner may feature: active and contactable, as data:check requires. */
export interface FeaturableService {
  id: string
  name: string
  countries: string[]
}

/**
 * The partner form (new and edit): every field with its label and hint, errors beside their
 * fields with a linked summary on top, and what the curator typed kept after a refusal.
 * @example <PartnerForm input={input} isNew csrf={csrf} action="/admin/partners/new" services={services} countries={['DE']} languages={['de']} />
 */
export function PartnerForm(props: {
  input: PartnerInput
  isNew: boolean
  errors?: PartnerErrors
  /** Why the directory refused the change (refusalText), shown first in the summary. */
  refusal?: string
  csrf: string
  action: string
  services: FeaturableService[]
  countries: string[]
  languages: string[]
}) {
  const { input } = props
  const fieldErrors = props.errors?.fields ?? {}
  const general = props.errors?.general ?? []
  const invalid = PARTNER_FIELDS.filter((field) => (fieldErrors[field] ?? []).length > 0)
  const problems = Object.entries(fieldErrors).flatMap(([name, list]) => (list ?? []).map((message) => ({ field: name, message })))
  /** A labelled control with its hint and error; `control` gets the aria attributes tying it to them. */
  const field = (name: PartnerField, hint: Child | undefined, control: (aria: ReturnType<typeof fieldNotes>['aria']) => Child) => {
    const notes = fieldNotes(name, hint, problems)
    return (
      <div class="field">
        <label for={name}>{LABELS[name]}</label>
        {notes.element}
        {control(notes.aria)}
      </div>
    )
  }
  /** A default the embed snippet can override: a two-letter code, suggested from those the directory offers. */
  const codeField = (name: 'defaultCountry' | 'defaultLanguage', hint: string, list: string) =>
    field(name, hint, (a) => (
      <input type="text" id={name} name={name} value={input[name]} maxlength={2} size={4} list={list} autocomplete="off" {...a} />
    ))
  const fictional = fieldNotes('fictional', undefined, problems)
  return (
    <>
      {(invalid.length > 0 || general.length > 0 || props.refusal) && (
        <div class="error" role="alert" id="error-summary">
          <p>
            <strong>{props.refusal ?? 'Nothing was saved.'}</strong> {invalid.length > 0 ? 'Correct the fields below:' : ''}
          </p>
          <ul>
            {general.map((text) => (
              <li>{text}</li>
            ))}
            {invalid.map((name) => (
              <li>
                <a href={`#${name}`}>{`${LABELS[name]}: ${(fieldErrors[name] ?? []).join(' ')}`}</a>
              </li>
            ))}
          </ul>
        </div>
      )}
      <form method="post" action={props.action}>
        <input type="hidden" name="csrf" value={props.csrf} />
        <input type="hidden" name="baseVersion" value={input.baseVersion} />
        <fieldset>
          <legend>Who the partner is</legend>
          {props.isNew ? (
            field(
              'id',
              'Used in the embed snippet (data-partner); cannot be changed later. Lower-case letters, digits and hyphens, e.g. lindenweg-helpline.',
              (a) => <input type="text" id="id" name="id" value={input.id} required maxlength={64} autocomplete="off" {...a} />,
            )
          ) : (
            <p>
              <strong>Partner id:</strong> <code>{input.id}</code>
            </p>
          )}
          {field('name', undefined, (a) => (
            <input type="text" id="name" name="name" value={input.name} required maxlength={200} {...a} />
          ))}
          <div class="field">
            {fictional.element}
            <label>
              <input type="checkbox" id="fictional" name="fictional" value="on" checked={input.fictional} {...fictional.aria} /> Fictional:
              a made-up partner (such as the demo), never presented as a real organisation
            </label>
          </div>
        </fieldset>
        <fieldset>
          <legend>Where the widget may be embedded</legend>
          {field(
            'origins',
            <>
              One origin per line, exactly as the browser sends it: <code>https://host</code> or <code>https://host:port</code> (no path, no
              trailing slash); <code>http://localhost</code> or <code>127.0.0.1</code> only on a development server (
              <code>PARTNER_DEV_ORIGINS=on</code>); or <code>self</code> for Helpfinder's own origin (the /demo page). With no origin, the
              partner's widget may not be embedded anywhere.
            </>,
            (a) => (
              <textarea id="origins" name="origins" rows={4} spellcheck={false} {...a}>
                {input.origins}
              </textarea>
            ),
          )}
        </fieldset>
        <fieldset>
          <legend>What the widget shows first</legend>
          {field(
            'featured',
            <>
              One initiative id per line, in the order to show them; at most 20. They are shown first when they fit the person. Only active
              services with a website or contact can be featured (list below).
            </>,
            (a) => (
              <textarea id="featured" name="featured" rows={4} spellcheck={false} {...a}>
                {input.featured}
              </textarea>
            ),
          )}
          <details>
            <summary>{`Services that can be featured (${props.services.length})`}</summary>
            <ConsoleTable
              id="featurable"
              headings={['Id', 'Name', 'Countries']}
              items={props.services}
              row={(service) => (
                <tr>
                  <td>
                    <code>{service.id}</code>
                  </td>
                  <td>{service.name}</td>
                  <td>{service.countries.join(', ') || 'online'}</td>
                </tr>
              )}
            />
          </details>
          {codeField(
            'defaultCountry',
            'Two-letter code (e.g. DE) of a country the directory offers; empty for none. The embed snippet can override it.',
            'country-codes',
          )}
          {codeField('defaultLanguage', 'Two-letter code (e.g. de); empty for none. The embed snippet can override it.', 'language-codes')}
          <datalist id="country-codes">
            {props.countries.map((code) => (
              <option value={code}></option>
            ))}
          </datalist>
          <datalist id="language-codes">
            {props.languages.map((code) => (
              <option value={code}></option>
            ))}
          </datalist>
        </fieldset>
        <fieldset>
          <legend>Curation</legend>
          {field('lastChecked', 'When someone last checked who the partner is and where it embeds the widget.', (a) => (
            <input type="date" id="lastChecked" name="lastChecked" value={input.lastChecked} required {...a} />
          ))}
          {field(
            'notes',
            'For curators: who the contact is, what was agreed. Never shown in the widget, but kept with the directory data (and its exports).',
            (a) => (
              <textarea id="notes" name="notes" rows={3} {...a}>
                {input.notes}
              </textarea>
            ),
          )}
        </fieldset>
        <div class="actions">
          <button type="submit" class="primary">
            {props.isNew ? 'Add partner' : 'Save partner'}
          </button>
          <a class="button" href="/admin/partners">
            Cancel
          </a>
        </div>
      </form>
    </>
  )
}
