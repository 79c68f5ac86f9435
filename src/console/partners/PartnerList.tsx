import type { Partner } from '../../core/directory/partnerSchema'
import { ConsoleTable } from '../shared/ConsoleTable'

/**
 * The partners that embed the widget, one row each: where they may embed it, what they feature.
 * @example <PartnerList partners={data.partners} />
 */
export function PartnerList(props: { partners: Partner[] }) {
  return (
    <ConsoleTable
      id="partners"
      caption={`${props.partners.length} partner(s)`}
      headings={['Name', 'Origins', 'Featured', 'Default country', 'Default language', 'Last checked']}
      items={props.partners}
      empty={<p class="notice">No partner yet: the widget is only embedded without a partner id.</p>}
      row={(partner) => (
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
      )}
    />
  )
}
