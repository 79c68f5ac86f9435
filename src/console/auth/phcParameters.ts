import * as z from 'zod'

const PhcSchema = z
  .string()
  .regex(/^\$(argon2id|argon2i|argon2d)\$v=\d+\$m=(\d+),t=(\d+),p=(\d+)\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+$/)
  .transform((phc) => {
    const [, algorithm = '', m = '0', t = '0', p = '0'] = /^\$(\w+)\$v=\d+\$m=(\d+),t=(\d+),p=(\d+)\$/.exec(phc) ?? []
    return { algorithm, memoryCost: Number(m), timeCost: Number(t), parallelism: Number(p) }
  })

/**
 * The parameters a stored PHC string was made with, or undefined when it is not an argon2 PHC string.
 * @example phcParameters('$argon2id$v=19$m=19456,t=2,p=1$…$…') // { algorithm: 'argon2id', memoryCost: 19456, timeCost: 2, parallelism: 1 }
 */
export function phcParameters(phc: string): { algorithm: string; memoryCost: number; timeCost: number; parallelism: number } | undefined {
  const parsed = PhcSchema.safeParse(phc)
  return parsed.success ? parsed.data : undefined
}
