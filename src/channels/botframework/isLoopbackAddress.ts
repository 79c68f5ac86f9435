/** A socket's peer address on loopback: 127.0.0.0/8, `::1`, or 127/8 as a dual-stack socket reports it. */
const LOOPBACK_ADDRESS = /^(?:::ffff:)?127\.\d{1,3}\.\d{1,3}\.\d{1,3}$|^::1$/i

/**
 * True when a connection's peer address (Node's `socket.remoteAddress`) is on this machine.
 * Used only to decide; the address is never kept or logged.
 * @example isLoopbackAddress('::ffff:127.0.0.1') // true
 */
export function isLoopbackAddress(address: string | undefined): boolean {
  return address !== undefined && LOOPBACK_ADDRESS.test(address)
}
