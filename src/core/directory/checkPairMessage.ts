/**
 * Why a check is incomplete: a day without a checker, or a checker without a day. A check needs
 * both, so that "checked on" is never claimed without someone who did it.
 * @example checkPairMessage({ lastChecked: '2026-11-01', checkedBy: null }) // 'lastChecked is 2026-11-01 but checkedBy is empty: …'
 */
export function checkPairMessage(check: { lastChecked: string | null; checkedBy: string | null }): string {
  return check.lastChecked === null
    ? `checkedBy is ${JSON.stringify(check.checkedBy)} but lastChecked is empty: a check needs a day and a checker`
    : `lastChecked is ${check.lastChecked} but checkedBy is empty: a check needs a day and a checker (who compared it with its sources)`
}
