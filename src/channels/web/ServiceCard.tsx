import type { Translate } from '../../i18n/translate'
import type { ServiceView } from '../shared/serviceView'

/** One service: what it is (in its own words where it wrote them in the person's language), why it is shown, how to make contact, cost, anonymity, confidentiality, provenance. */
export function ServiceCard(props: { service: ServiceView; t: Translate }) {
  const { service, t } = props
  return (
    <article class="card" data-service={service.id}>
      <h3 dir="auto">{service.name}</h3>
      {service.nameLocal ? (
        <p class="muted" dir="auto">
          {service.nameLocal}
        </p>
      ) : null}
      {service.organisation ? (
        <p class="muted" dir="auto">
          {service.organisation}
        </p>
      ) : null}
      {service.featuredNote ? <p class="featured">{service.featuredNote}</p> : null}
      {service.description ? <Description description={service.description} t={t} /> : null}
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
              {contact.href ? (
                <a href={contact.href} rel="noreferrer" dir="ltr">
                  {contact.text}
                </a>
              ) : (
                contact.text
              )}
              {contact.hours ? (
                <span class="muted">
                  {' '}
                  · {t('results.hours')}: {contact.hours}
                </span>
              ) : null}
              {contact.countryNote ? <span class="muted"> · {contact.countryNote}</span> : null}
              {contact.notes ? (
                <div class="muted" lang="en" dir="ltr">
                  {contact.notes}
                </div>
              ) : null}
            </div>
          ))}
          {service.website ? (
            <div class="contact">
              {t('results.website')}:{' '}
              <a href={service.website} rel="noreferrer" dir="ltr">
                {service.website}
              </a>
            </div>
          ) : null}
          {/* A page about the service, named as such: somewhere to learn more, not a number to call or a place to book. */}
          {service.aboutPage ? (
            <div class="contact" data-contact="about-page">
              {service.aboutPage.label}:{' '}
              <a href={service.aboutPage.href} rel="noreferrer" dir="ltr">
                {hostOf(service.aboutPage.href)}
              </a>
            </div>
          ) : null}
        </dd>
        <dt>{t('results.confidentiality')}</dt>
        {/* Directory texts are recorded in English; say so, so screen readers pronounce them right and right-to-left pages keep their punctuation. */}
        <dd lang={service.confidentialityKnown ? 'en' : undefined} dir={service.confidentialityKnown ? 'ltr' : undefined}>
          {service.confidentiality}
        </dd>
        <dt>{t('results.access')}</dt>
        <dd>
          {service.cost} · {service.anonymity}
          {service.costNotes ? (
            <div class="muted" lang="en" dir="ltr">
              {service.costNotes}
            </div>
          ) : null}
        </dd>
        {service.languages ? (
          <>
            <dt>{service.languagesLabel}</dt>
            <dd>{service.languages}</dd>
          </>
        ) : null}
      </dl>
      {/* A check is claimed only where one happened; each source shows its own date. */}
      <p class="muted" data-provenance="checked">
        {service.checked}
      </p>
      <p class="muted" data-provenance="sources">
        {service.newestSource}
        {service.sources.map((source) => (
          <>
            {' · '}
            <a href={source.url} rel="noreferrer">
              {source.label}
            </a>
          </>
        ))}
      </p>
      {service.stale ? <p class="notice">{t('results.stale')}</p> : null}
    </article>
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
          <a href={description.sourceUrl} rel="noreferrer" dir="ltr">
            {hostOf(description.sourceUrl)}
          </a>
        </p>
      ) : null}
    </div>
  )
}

/** "www.example.org" for a link's text: the page's full address stays in its href. */
function hostOf(url: string): string {
  return URL.canParse(url) ? new URL(url).hostname : url
}
