import { uiLanguages } from '../../i18n/resources'
import { RecordFormField } from './recordFormField'
import type { FormProblem } from './recordFormIssues'
import { isBlankOwnWords, type OwnWordsValues } from './recordFormValues'

const languageNames = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'code' })

/**
 * One fieldset per description in the service's own language (language, the words, the source they
 * are quoted from), then an empty one for adding. People who use Helpfinder in that language see
 * these words instead of the English summary.
 * @example <RecordFormOwnWords rows={rows} recordLanguages={['sv']} sourcesList="source-urls" problems={problems} />
 */
export function RecordFormOwnWords(props: { rows: OwnWordsValues[]; recordLanguages: string[]; sourcesList: string; problems: FormProblem[] }) {
  // The interface languages (the only ones a description is shown in), the record's own, and any already chosen.
  const codes = [...new Set([...uiLanguages, ...props.recordLanguages, ...props.rows.map((row) => row.language.trim())])].filter((code) => /^[a-z]{2}$/.test(code))
  const options = [['', 'choose a language'], ...codes.map((code) => [code, `${languageNames.of(code) ?? code} (${code})`] as const).sort((a, b) => a[1].localeCompare(b[1]))] as const
  return (
    <section aria-labelledby="ownWords-heading">
      <h2 id="ownWords-heading">In the service's own words</h2>
      <p class="hint">
        A short description in the service's own language, quoted from one of the sources above (at most 600 characters, one per language). People who use Helpfinder in that language see it, marked as the service's own words with a link to the source, instead of the English summary. A box left entirely empty is ignored.
      </p>
      {props.rows.map((row, index) => {
        const id = (field: string) => `ownWords-${index}-${field}`
        const blank = isBlankOwnWords(row) && !row.remove
        return (
          <fieldset id={`ownWords-${index}`}>
            <legend>{blank ? `Own words ${index + 1} (new, optional)` : `Own words ${index + 1}${row.language ? ` (${row.language})` : ''}`}</legend>
            <RecordFormField id={id('language')} label="Language" value={row.language} problems={props.problems} control="select" options={options} />
            <RecordFormField id={id('text')} label="Description in that language" value={row.text} problems={props.problems} control="textarea" hint="As the source words it; shorten only by leaving sentences out." />
            <RecordFormField id={id('source')} label="Taken from (source URL)" value={row.source} problems={props.problems} control="url" list={props.sourcesList} hint="The address of the source above that these words come from." />
            {!blank && (
              <div class="field">
                <input type="checkbox" id={id('remove')} name={id('remove')} value="1" checked={row.remove} /> <label for={id('remove')}>Remove this description</label>
              </div>
            )}
          </fieldset>
        )
      })}
    </section>
  )
}
