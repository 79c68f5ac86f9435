import type { Translate } from '../../i18n/translate'
import type { ServiceView } from '../shared/serviceView'

/** One service: why it is shown, how to make contact, cost, anonymity, confidentiality, provenance. */
export function ServiceCard(props: { service: ServiceView; t: Translate }) {
  const { service, t } = props
  return (
    <article class="card" data-service={service.id}>
      <h3 dir="auto">{service.name}</h3>
      {service.nameLocal ? <p class="muted" dir="auto">{service.nameLocal}</p> : null}
      {service.organisation ? <p class="muted" dir="auto">{service.organisation}</p> : null}
      {service.featuredNote ? <p class="featured">{service.featuredNote}</p> : null}
      {service.reasons.length > 0 ? (
        <div>
          <strong>{t('results.why')}</strong>
          <ul class="reasons">
            {service.reasons.map((reason) => (
              <li>{reason}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <dl>
        <dt>{t('results.contact')}</dt>
        <dd>
          {service.contacts.map((contact) => (
            <div class="contact">
              {contact.label}:{' '}
              {contact.href ? <a href={contact.href} rel="noreferrer" dir="ltr">{contact.text}</a> : contact.text}
              {contact.hours ? <span class="muted"> · {t('results.hours')}: {contact.hours}</span> : null}
              {contact.countryNote ? <span class="muted"> · {contact.countryNote}</span> : null}
              {contact.notes ? <div class="muted" lang="en" dir="ltr">{contact.notes}</div> : null}
            </div>
          ))}
          {service.website ? (
            <div class="contact">
              {t('results.website')}: <a href={service.website} rel="noreferrer" dir="ltr">{service.website}</a>
            </div>
          ) : null}
        </dd>
        <dt>{t('results.confidentiality')}</dt>
        {/* Directory texts are recorded in English; say so, so screen readers pronounce them right and right-to-left pages keep their punctuation. */}
        <dd lang={service.confidentialityKnown ? 'en' : undefined} dir={service.confidentialityKnown ? 'ltr' : undefined}>{service.confidentiality}</dd>
        <dt>{t('results.access')}</dt>
        <dd>
          {service.cost} · {service.anonymity}
          {service.costNotes ? <div class="muted" lang="en" dir="ltr">{service.costNotes}</div> : null}
        </dd>
        {service.languages ? (
          <>
            <dt>{service.languagesLabel}</dt>
            <dd>{service.languages}</dd>
          </>
        ) : null}
      </dl>
      <p class="muted">
        {t('results.last_checked', { date: service.lastChecked })}
        {service.sources.map((source, index) => (
          <>
            {' · '}
            <a href={source.url} rel="noreferrer">
              {t('results.source')} {service.sources.length > 1 ? index + 1 : ''}
            </a>
          </>
        ))}
      </p>
      {service.stale ? <p class="notice">{t('results.stale')}</p> : null}
    </article>
  )
}
