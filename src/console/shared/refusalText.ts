import type { ChangeRefused } from '../directory/curatorDirectory'

/** What a curator reads when a change was refused; nothing was changed in every case. */
export function refusalText(refusal: ChangeRefused): string {
  switch (refusal.kind) {
    case 'invalid':
      return 'Nothing was saved: the change breaks the directory rules listed below.'
    case 'conflict':
      return 'Nothing was saved: someone changed this record after you opened it. Open it again to see their change, then make yours.'
    case 'forbidden':
      return `Nothing was saved: your account may not change ${refusal.ids.join(', ')} (an editor changes the records of their own organisation, and those that serve their own country and no other).`
    case 'widens':
      return `Nothing was saved: your account may not change ${refusal.id} like this. An editor's records stay within their own country (or the countries their organisation's record already had); only an administrator adds countries or makes a record reachable online from anywhere.`
    case 'missing':
      return 'Nothing was saved: that record does not exist (any more).'
    case 'exists':
      return 'Nothing was saved: a record with that id already exists. Choose another id.'
  }
}
