import { uiLanguages } from '../../i18n/resources'
import type { FormProblem } from './recordFormIssues'
import { RecordFormRows } from './recordFormRows'
import { isBlankOwnWords, type OwnWordsValues } from './recordFormValues'

const languageNames = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'code' })

/**
 * One fieldset per description in the service's own language (language, the words, the source they
 * are quoted from), then an empty one for adding. People who use Helpfinder in that language see
 * these words instead of the English summary.
 * @example <RecordFormOwnWords rows={rows} recordLanguages={['sv']} sourcesList="source-urls" problems={problems} />
 */
export function RecordFormOwnWords(props: {
  rows: OwnWordsValues[]
  recordLanguages: string[]
  sourcesList: string
  problems: FormProblem[]
}) {
  // The interface languages (the only ones a description is shown in), the record's own, and any already chosen.
  const codes = [...new Set([...uiLanguages, ...props.recordLanguages, ...props.rows.map((row) => row.language.trim())])].filter((code) =>
    /^[a-z]{2}$/.test(code),
  )
  const options = [
    ['', 'choose a language'],
    ...codes.map((code) => [code, `${languageNames.of(code) ?? code} (${code})`] as const).sort((a, b) => a[1].localeCompare(b[1])),
  ] as const
  return (
    <RecordFormRows
      group="ownWords"
      heading="In the service's own words"
      hint="A short description in the service's own language, quoted from one of the sources above (at most 600 characters, one per language). People who use Helpfinder in that language see it, marked as the service's own words with a link to the source, instead of the English summary. A box left entirely empty is ignored."
      rows={props.rows}
      problems={props.problems}
      isBlank={isBlankOwnWords}
      legend={(row, number, blank) =>
        blank ? `Own words ${number} (new, optional)` : `Own words ${number}${row.language ? ` (${row.language})` : ''}`
      }
      removeLabel="Remove this description"
      fields={[
        { name: 'language', control: 'select', options },
        { name: 'text', control: 'textarea', hint: 'As the source words it; shorten only by leaving sentences out.' },
        { name: 'source', control: 'url', list: props.sourcesList, hint: 'The address of the source above that these words come from.' },
      ]}
    />
  )
}
