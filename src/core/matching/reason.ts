/** Why a service was matched, as a locale key with parameters the channel fills in. */
export interface Reason {
  key: string
  params?: Record<string, string>
}
