/**
 * A partner id made safe for an HTML id and a fragment: the channels' pseudo-partners ("(web)")
 * become "_web_"; a real partner id ([a-z0-9-]) stays as it is and never contains "_".
 * @example partnerAnchor('(web)') // '_web_'
 */
export function partnerAnchor(id: string): string {
  return id.replace(/[^a-z0-9-]/g, '_')
}
