import { type Initiative, LATER_CHOICE_FACTS, LATER_TEXT_FACTS } from '../../core/directory/initiativeSchema'
import { type ChoiceFact, type ChoiceFactSpec, RECORD_CHOICE_FACTS } from '../../core/directory/recordChoiceFacts'
import { RECORD_TEXT_FACTS, type TextFact, type TextFactSpec } from '../../core/directory/recordTextFacts'
import type { Taxonomy } from '../../core/directory/taxonomySchema'
import { fieldNotes } from '../shared/FieldNotes'
import { RecordFormChoices } from './recordFormChoices'
import { RecordFormContacts } from './recordFormContacts'
import { RecordFormField, type FieldProps } from './recordFormField'
import { RecordFormOwnWords } from './recordFormOwnWords'
import type { FormProblem } from './recordFormIssues'
import { RecordFormSources } from './recordFormSources'
import {
  BLANK_CONTACTS,
  BLANK_OWN_WORDS,
  BLANK_SOURCES,
  blankContact,
  blankOwnWords,
  blankSource,
  isBlankContact,
  isBlankOwnWords,
  isBlankSource,
  type RecordFormValues,
} from './recordFormValues'

const FREE = [
  { value: 'yes', label: 'yes, free' },
  { value: 'no', label: 'no, it costs money' },
  { value: 'unknown', label: 'unknown' },
]
const ANONYMOUS = [
  { value: 'yes', label: 'yes' },
  { value: 'partial', label: 'partly (e.g. only the first contact)' },
  { value: 'no', label: 'no' },
  { value: 'unknown', label: 'unknown' },
]

/**
 * The record editor: every field of InitiativeSchema and one group per taxonomy tag criterion.
 * A plain HTML form (works without JavaScript); `readOnly` shows the same fields disabled, without a form.
 * `stored` is the record as saved: its check is shown, never edited (only the "compared today" tick changes it).
 * @example <RecordForm values={values} taxonomy={data.taxonomy} problems={[]} action="/admin/records/new" csrf={csrf} isNew readOnly={false} />
 */
export function RecordForm(props: {
  values: RecordFormValues
  taxonomy: Taxonomy
  problems: FormProblem[]
  action: string
  csrf: string
  isNew: boolean
  readOnly: boolean
  stored?: Pick<Initiative, 'lastChecked' | 'checkedBy'>
}) {
  const { values, problems } = props
  const field = (id: keyof RecordFormValues & string, extra: Omit<FieldProps, 'id' | 'value' | 'problems'> = {}) => {
    const value = values[id]
    return <RecordFormField id={id} value={typeof value === 'string' ? value : ''} problems={problems} {...extra} />
  }
  // A text fact's control and hint come from RECORD_TEXT_FACTS; the layout only places it.
  const fact = (name: TextFact) => {
    const spec: TextFactSpec = RECORD_TEXT_FACTS[name]
    return field(name, { control: spec.control === 'text' ? undefined : spec.control, hint: spec.hint, list: spec.list })
  }
  // A choice's options and hint come from RECORD_CHOICE_FACTS.
  const choice = (name: ChoiceFact) => {
    const spec: ChoiceFactSpec = RECORD_CHOICE_FACTS[name]
    return field(name, { control: 'select', options: spec.options, hint: spec.hint })
  }
  const tagCriteria = props.taxonomy.criteria.filter((criterion) => criterion.valueSet === 'tags')
  const online = fieldNotes(
    'online',
    'Self-help, chat or similar that people outside the countries above can use too. Only an administrator can turn it on.',
    problems,
  )
  const checkedToday = fieldNotes(
    'checkedToday',
    'Tick only when you have compared the facts above with the sources listed today. Saving then records today and your name as its check; without the tick the check shown here stays as it was.',
    problems,
  )
  const stored = props.stored
  const fields = (
    <>
      {props.isNew ? (
        field('id', {
          required: true,
          hint: 'Lower-case letters a–z and digits, words joined by single hyphens, e.g. stop-it-now-nl. It cannot be changed later.',
        })
      ) : (
        <p>
          Id: <code>{values.id}</code> (fixed)
        </p>
      )}
      {choice('kind')}
      {field('name', { required: true })}
      {fact('nameLocal')}
      {fact('organisation')}
      {fact('summary')}
      {choice('status')}
      {fact('statusNote')}
      {field('countries', { hint: 'ISO 3166-1 alpha-2 codes separated by commas, e.g. DE, AT. Empty for a service that is only online.' })}
      {fact('subnational')}
      <div class="field">
        <input type="checkbox" id="online" name="online" value="1" checked={values.online} {...online.aria} />{' '}
        <label for="online">Reachable online from anywhere</label>
        {online.element}
      </div>
      {field('languages', { hint: 'ISO 639-1 codes separated by commas, e.g. de, en.' })}
      {tagCriteria.map((criterion) => {
        const chosen = values.tags[criterion.id] ?? []
        const choices = criterion.tags.map((tag) => ({ value: tag.id, label: tag.id.replace(/_/g, ' '), description: tag.description }))
        return (
          <RecordFormChoices
            id={`tags-${criterion.id}`}
            legend={`Tags: ${criterion.id.replace(/_/g, ' ')}`}
            hint={criterion.description}
            type={criterion.multiple ? 'checkbox' : 'radio'}
            choices={criterion.multiple ? choices : [...choices, { value: '', label: 'unknown / none' }]}
            chosen={criterion.multiple || chosen.length > 0 ? chosen : ['']}
            problems={problems}
          />
        )
      })}
      <RecordFormChoices
        id="inferred"
        legend="Inferred values"
        hint="Criteria with values inferred rather than stated by a source (matching weighs them less). Only kept for criteria that have values."
        type="checkbox"
        choices={props.taxonomy.criteria.map((criterion) => ({
          value: criterion.id,
          label: criterion.field ?? criterion.id.replace(/_/g, ' '),
        }))}
        chosen={values.inferred}
        problems={problems}
      />
      <RecordFormChoices id="free" legend="Free of charge" type="radio" choices={FREE} chosen={[values.free]} problems={problems} />
      {fact('costNotes')}
      <RecordFormChoices
        id="anonymous"
        legend="Anonymous use"
        hint="Can a person use it without giving their identity?"
        type="radio"
        choices={ANONYMOUS}
        chosen={[values.anonymous]}
        problems={problems}
      />
      {fact('confidentiality')}
      {fact('website')}
      {fact('aboutPage')}
      {choice('aboutPageBy')}
      {/* Facts added to RECORD_TEXT_FACTS and RECORD_CHOICE_FACTS since this layout was written: here, in the lists' order. */}
      {LATER_TEXT_FACTS.map(fact)}
      {LATER_CHOICE_FACTS.map(choice)}
      <RecordFormContacts rows={withBlankRows(values.contacts, isBlankContact, blankContact, BLANK_CONTACTS)} problems={problems} />
      <RecordFormSources rows={withBlankRows(values.sources, isBlankSource, blankSource, BLANK_SOURCES)} problems={problems} />
      {/* Suggestions for the fields that must name one of the sources (a hint, not a rule: validation checks it). */}
      <datalist id="source-urls">
        {values.sources
          .filter((row) => !row.remove && row.url.trim() !== '')
          .map((row) => (
            <option value={row.url.trim()} />
          ))}
      </datalist>
      <RecordFormOwnWords
        rows={withBlankRows(values.ownWords, isBlankOwnWords, blankOwnWords, BLANK_OWN_WORDS)}
        recordLanguages={values.languages
          .split(/[\s,;]+/)
          .map((code) => code.toLowerCase())
          .filter((code) => code !== '')}
        sourcesList="source-urls"
        problems={problems}
      />
      <div class="field" id="lastChecked">
        <p>
          {stored?.lastChecked && stored.checkedBy
            ? `Last checked: ${stored.lastChecked} by ${stored.checkedBy}`
            : 'Never checked against its sources'}
        </p>
        <input type="checkbox" id="checkedToday" name="checkedToday" value="1" checked={values.checkedToday} {...checkedToday.aria} />{' '}
        <label for="checkedToday">I compared this record with its sources today</label>
        {checkedToday.element}
      </div>
      {choice('confidence')}
    </>
  )
  if (props.readOnly) {
    return (
      <fieldset disabled class="record-form">
        <legend>The record (read only)</legend>
        {fields}
      </fieldset>
    )
  }
  return (
    <form method="post" action={props.action} class="record-form" novalidate>
      <input type="hidden" name="csrf" value={props.csrf} />
      {!props.isNew && <input type="hidden" name="baseVersion" value={values.baseVersion} />}
      {fields}
      <div class="actions">
        <button type="submit" class="primary">
          {props.isNew ? 'Create the record' : 'Save changes'}
        </button>
      </div>
    </form>
  )
}

/** The rows as they are, then empty ones until `count` empty rows are offered for adding. */
function withBlankRows<T>(rows: T[], isBlank: (row: T) => boolean, blank: () => T, count: number): T[] {
  const trailing = rows.length - 1 - rows.findLastIndex((row) => !isBlank(row))
  return [...rows, ...Array.from({ length: Math.max(0, count - trailing) }, blank)]
}
