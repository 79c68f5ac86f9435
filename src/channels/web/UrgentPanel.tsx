import type { Translate } from '../../i18n/translate'
import type { UrgentView } from '../shared/urgentView'
import { IsolatedNumbers } from './IsolatedNumbers'
import { optionTags } from './optionTags'
import { TurnForm } from './TurnForm'

/**
 * The urgent-help panel: the right number first and big, as a tel: link; honest about gaps. Numbers
 * are isolated left to right and the directory's English (names, hours) is marked so, so a
 * right-to-left page keeps them whole.
 */
export function UrgentPanel(props: {
  urgent: UrgentView
  state: string | undefined
  t: Translate
  headingLevel: 1 | 2
  returnAction: 'show' | 'back' | undefined
}) {
  const { urgent, t } = props
  const Heading = props.headingLevel === 1 ? 'h1' : 'h2'
  return (
    <section class="urgent-panel" aria-labelledby="urgent-title">
      <Heading id="urgent-title" tabindex={-1}>
        {urgent.title}
        {urgent.countryName ? ` · ${urgent.countryName}` : ''}
      </Heading>
      <p>{urgent.intro}</p>
      {urgent.reason ? (
        <p class="call-first" role="alert">
          <strong>{urgent.callFirst ? <IsolatedNumbers text={urgent.callFirst} /> : null}</strong>
        </p>
      ) : (
        // The one question: answering it puts the right number first. The numbers are below anyway.
        <TurnForm state={props.state} class="urgent-question">
          <input type="hidden" name="action" value="urgent" />
          {urgent.country ? <input type="hidden" name="urgent_country" value={urgent.country} /> : null}
          <p>
            <strong>{urgent.question.prompt}</strong>
          </p>
          <div class="actions">
            {urgent.question.options.map((option) => (
              <button name="urgent_reason" value={option.id}>
                {option.label}
              </button>
            ))}
          </div>
        </TurnForm>
      )}
      <ul>
        {urgent.lines.map((line, index) => (
          <li class={urgent.reason && index === 0 ? 'first' : undefined}>
            <strong>{line.heading}</strong>
            <br />
            <a class="number" href={line.tel}>
              <bdi dir="ltr">{line.number}</bdi>
            </a>{' '}
            {/* A country's own line has the directory's name; a shared one, the kind's (translated, in the heading). */}
            {line.where ? null : (
              <bdi lang="en" dir="ltr">
                {line.name}
              </bdi>
            )}
            {line.hours ? (
              <span class="muted">
                {' '}
                · <Hours sentence={line.hours} value={line.hoursText} />
              </span>
            ) : null}
            {line.source ? (
              <span class="muted">
                {' '}
                ·{' '}
                <a href={line.source} rel="noreferrer">
                  {t('urgent.source')}
                </a>
              </span>
            ) : null}
            {line.privacy ? <span class="privacy muted">{line.privacy}</span> : null}
            {line.where ? (
              // A shared number says where it is on file; the list is one tap away, not in the way.
              <details class="where">
                <summary>{line.where.summary}</summary>
                <p class="muted">{line.where.countries}</p>
              </details>
            ) : null}
          </li>
        ))}
      </ul>
      {urgent.gap ? (
        <p>
          <IsolatedNumbers text={urgent.gap} />
        </p>
      ) : null}
      <p class="muted">
        <IsolatedNumbers text={urgent.eu} />
      </p>
      <TurnForm state={props.state}>
        <label class="field" for="urgent-country">
          {t('urgent.choose_country')}
        </label>
        {urgent.reason ? <input type="hidden" name="urgent_reason" value={urgent.reason} /> : null}
        <select id="urgent-country" name="urgent_country">
          {/* Empty until a country is known: a preselected first entry would look like an answer. */}
          {optionTags([
            { value: '', label: t('urgent.country_placeholder'), selected: urgent.country === undefined },
            ...urgent.countries.map((country) => ({ value: country.code, label: country.name, selected: country.code === urgent.country })),
          ])}
        </select>
        <div class="actions">
          <button name="action" value="urgent">
            {t('nav.continue')}
          </button>
          {props.returnAction ? (
            <button class="primary" name="action" value={props.returnAction}>
              {t('nav.return')}
            </button>
          ) : null}
        </div>
      </TurnForm>
    </section>
  )
}

/** "Hours: 24/7" with the directory's English part marked as English and left to right. */
function Hours(props: { sentence: string; value: string | undefined }) {
  const at = props.value ? props.sentence.indexOf(props.value) : -1
  if (!props.value || at < 0) return <>{props.sentence}</>
  return (
    <>
      {props.sentence.slice(0, at)}
      <span lang="en" dir="ltr">
        {props.value}
      </span>
      {props.sentence.slice(at + props.value.length)}
    </>
  )
}
