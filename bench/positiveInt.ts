/**
 * A positive whole number from an environment variable, else the fallback.
 * @example positiveInt(process.env.BENCH_SECONDS, 10)
 */
export function positiveInt(value: string | undefined, fallback: number): number {
  const parsed = Number(value)
  return Number.isInteger(parsed) && parsed > 0 ? parsed : fallback
}
