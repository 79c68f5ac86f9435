import { ConsoleTable } from '../shared/ConsoleTable'
import type { CuratorEvent } from './curatorEvents'

/** Each event kind in plain words. */
const KINDS: Record<string, string> = {
  login_ok: 'logged in',
  login_failed: 'failed login',
  login_locked: 'login name locked for 15 minutes after 5 failures',
  logout: 'logged out',
  sessions_ended: 'ended all their sessions',
  account_created: 'account created',
  account_disabled: 'account disabled',
  account_enabled: 'account enabled again',
  password_reset: 'new password set (all sessions ended)',
}

/**
 * The account events table: when, which account ("Anna K. (anna)", or that the name typed matched
 * no account), what happened.
 * @example <EventList events={events.latest(200)} />
 */
export function EventList(props: { events: CuratorEvent[] }) {
  return (
    <ConsoleTable
      id="events"
      headings={['When (UTC)', 'Account', 'What happened']}
      items={props.events}
      empty={<p class="notice">No logins or account changes recorded yet.</p>}
      row={(event) => (
        <tr>
          <td>
            <time datetime={event.at}>{event.at.replace('T', ' ').slice(0, 19)}</time>
          </td>
          <td>
            {event.curator ? (
              `${event.curator.displayName} (${event.curator.login})`
            ) : (
              <span class="hint">a login name that matches no account</span>
            )}
          </td>
          <td>{KINDS[event.kind] ?? event.kind}</td>
        </tr>
      )}
    />
  )
}
