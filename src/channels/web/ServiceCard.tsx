import type { Translate } from '../../i18n/translate'
import type { ReachLine } from '../shared/reachLines'
import type { ServiceView } from '../shared/serviceView'
import { siteName } from '../shared/siteName'
import { writtenAddress } from '../shared/writtenAddress'

/**
 * One service, as a person needs it: its name, then how to reach it (the number or address itself),
 * then in plain words what it is, cost, anonymity, confidentiality, languages and why it is shown;
 * when it was checked, and its sources behind a disclosure. The directory's texts are in English and
 * marked so (lang and dir), names and numbers isolated (bdi), so right-to-left pages keep them whole.
 */
export function ServiceCard(props: { service: ServiceView; t: Translate; headingLevel: 2 | 3 }) {
  const { service, t } = props
  const Heading = props.headingLevel === 2 ? 'h2' : 'h3'
  // Reasons that repeat the cost and anonymity line below say nothing new.
  const reasons = service.reasons.filter((reason) => reason !== service.cost && reason !== service.anonymity)
  return (
    <article class="card" data-service={service.id}>
      <Heading class="name">
        <bdi>{service.name}</bdi>
      </Heading>
      {service.nameLocal ? (
        <p class="muted">
          <bdi>{service.nameLocal}</bdi>
        </p>
      ) : null}
      {service.reach.length > 0 ? (
        <ul class="reach">
          {service.reach.map((line) => (
            <Reach line={line} />
          ))}
        </ul>
      ) : null}
      {service.organisation ? (
        <p class="muted org" lang="en" dir="ltr">
          <bdi>{service.organisation}</bdi>
        </p>
      ) : null}
      {service.featuredNote ? <p class="featured">{service.featuredNote}</p> : null}
      {service.description ? <Description description={service.description} t={t} /> : null}
      {/* Each fact a label and its words on one run of text (dl > div groups): a shorter card on a phone. */}
      <dl class="facts">
        <div>
          <dt>{t('results.access')}</dt>{' '}
          <dd>
            {service.cost} · {service.anonymity}
            {service.costNotes ? (
              <div class="muted" lang="en" dir="ltr">
                {service.costNotes}
              </div>
            ) : null}
          </dd>
        </div>
        <div>
          <dt>{t('results.confidentiality')}</dt>{' '}
          <dd lang={service.confidentialityKnown ? 'en' : undefined} dir={service.confidentialityKnown ? 'ltr' : undefined}>
            {service.confidentiality}
          </dd>
        </div>
        {service.languages ? (
          <div>
            <dt>{service.languagesLabel}</dt> <dd>{service.languages}</dd>
          </div>
        ) : null}
        {reasons.length > 0 ? (
          <div>
            <dt>{t('results.why')}</dt>{' '}
            <dd>
              <ul class="reasons">
                {reasons.map((reason) => (
                  <li>{reason}</li>
                ))}
              </ul>
            </dd>
          </div>
        ) : null}
      </dl>
      {service.stale ? <p class="notice">{t('results.stale')}</p> : null}
      <Provenance service={service} t={t} />
    </article>
  )
}

/** A way in: the label, then the number or address itself as the link; hours and notes in the directory's English. */
function Reach(props: { line: ReachLine }) {
  const { line } = props
  const full = line.href && line.kind !== 'call' && line.kind !== 'mail' ? line.href : undefined
  return (
    <li class="contact" data-contact={line.kind}>
      {/* "Phone, Group: through their website www.example.org": the website's one line, linked once. */}
      {line.leadsTo ? `${line.leadsTo} ` : `${line.label}: `}
      {line.href ? (
        <a class={line.kind === 'call' ? 'tel' : 'addr'} href={line.href} rel="noreferrer">
          <bdi dir="ltr">{line.text}</bdi>
        </a>
      ) : (
        <bdi dir="ltr">{line.text}</bdi>
      )}
      {/* Printed, the address in full: a link's text may leave out its path. */}
      {full && writtenAddress(full) !== line.text ? (
        <span class="print-only" dir="ltr">
          {' '}
          ({full})
        </span>
      ) : null}
      {line.countryNote ? <span class="muted"> · {line.countryNote}</span> : null}
      {line.notes.map((note) => (
        <div class="muted">
          {note.label ? `${note.label}: ` : null}
          <span lang="en" dir="ltr">
            {note.text}
          </span>
        </div>
      ))}
    </li>
  )
}

/** An honest check line (a check only where one happened) and the sources, named by their sites, behind a disclosure. */
function Provenance(props: { service: ServiceView; t: Translate }) {
  const { service, t } = props
  return (
    <>
      <p class="muted provenance" data-provenance="checked">
        {service.lastChecked && service.checkedWhen ? (
          <Dated text={service.checked} when={service.checkedWhen} datetime={service.lastChecked} />
        ) : (
          service.checked
        )}
        {' · '}
        {service.newestSourceWhen && service.newestSourceDate ? (
          <Dated text={service.newestSource} when={service.newestSourceWhen} datetime={service.newestSourceDate} />
        ) : (
          service.newestSource
        )}
      </p>
      {service.sources.length > 0 ? (
        <details class="sources" data-provenance="sources">
          <summary>{t('results.sources_title')}</summary>
          <ul>
            {service.sources.map((source) => (
              <li>
                <a href={source.url} rel="noreferrer">
                  <bdi dir="ltr">{source.site}</bdi>
                </a>{' '}
                · {source.datetime ? <time datetime={source.datetime}>{source.dated}</time> : source.dated}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </>
  )
}

/** A sentence with its date marked up: the words as translated, the date in a `<time>` that keeps the exact day. */
function Dated(props: { text: string; when: string; datetime: string }) {
  const at = props.text.indexOf(props.when)
  if (at < 0) return <time datetime={props.datetime}>{props.text}</time>
  return (
    <>
      {props.text.slice(0, at)}
      <time datetime={props.datetime}>{props.when}</time>
      {props.text.slice(at + props.when.length)}
    </>
  )
}

/** The service's own words (with the page they come from) or the directory's English summary, marked with its language. */
function Description(props: { description: NonNullable<ServiceView['description']>; t: Translate }) {
  const { description, t } = props
  return (
    <div data-description={description.ownWords ? 'own-words' : 'summary'}>
      <p lang={description.lang} dir={description.dir}>
        {description.text}
      </p>
      {description.ownWords && description.sourceUrl ? (
        <p class="muted">
          {t('results.own_words')} ·{' '}
          <a href={description.sourceUrl} rel="noreferrer">
            <bdi dir="ltr">{siteName(description.sourceUrl)}</bdi>
          </a>
        </p>
      ) : null}
    </div>
  )
}
