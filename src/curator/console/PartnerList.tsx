import type { Partner } from '../../core/directory/partnerSchema'

/**
 * The partners that embed the widget, one row each: where they may embed it, what they feature.
 * @example <PartnerList partners={data.partners} />
 */
export function PartnerList(props: { partners: Partner[] }) {
  if (props.partners.length === 0) return <p class="notice">No partner yet: the widget is only embedded without a partner id.</p>
  return (
    <table id="partners">
      <caption class="hint">{`${props.partners.length} partner(s)`}</caption>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Origins</th>
          <th scope="col">Featured</th>
          <th scope="col">Default country</th>
          <th scope="col">Default language</th>
          <th scope="col">Last checked</th>
        </tr>
      </thead>
      <tbody>
        {props.partners.map((partner) => (
          <tr id={`partner-${partner.id}`}>
            <td>
              <a href={`/admin/partners/${partner.id}`}>{partner.name}</a> {partner.fictional && <span class="tag">fictional</span>}
              <div class="hint">{partner.id}</div>
            </td>
            <td>{partner.origins.length === 0 ? <span class="tag stale">none: embedded nowhere</span> : partner.origins.join(' ')}</td>
            <td class="num">{partner.featured.length}</td>
            <td>{partner.defaultCountry ?? '—'}</td>
            <td>{partner.defaultLanguage ?? '—'}</td>
            <td>{partner.lastChecked}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
