import * as z from 'zod'
import { UrgentReasonSchema } from './urgentReason'

/**
 * `data/crisis-phrases.json`: per language, short phrases that, typed anywhere, add urgent help to
 * the reply. Conservative on purpose: a phrase must be unambiguous on its own.
 */
export const CrisisPhrasesSchema = z.object({
  note: z.string().min(1),
  languages: z.record(z.string().regex(/^[a-z]{2}$/), z.partialRecord(UrgentReasonSchema, z.array(z.string().min(3)).min(1))),
})
export type CrisisPhrases = z.infer<typeof CrisisPhrasesSchema>
