import * as z from 'zod'
import { CountryCode, LanguageCode } from './isoCodes'
import { checkPairMessage } from './checkPairMessage'
import { SourceSchema } from './initiativeSchema'

/**
 * Every kind of urgent line: emergency services, a child helpline, a line to report a child at risk
 * (114 in Italy, 119 in Romania), the EU's 116 000 for missing children, an adult crisis line.
 * @example URGENT_LINE_KINDS.includes('missing_children') // true
 */
export const URGENT_LINE_KINDS = ['emergency', 'child_helpline', 'child_protection', 'missing_children', 'crisis'] as const

/** One urgent-help line of one of the URGENT_LINE_KINDS. */
export const UrgentLineSchema = z
  .object({
    kind: z.enum(URGENT_LINE_KINDS),
    name: z.string().min(1),
    number: z.string().regex(/^[0-9 +]+$/),
    hours: z.string().min(1).nullable(),
    languages: z.array(LanguageCode).nullable(),
    sources: z.array(SourceSchema).min(1),
    /** The day someone compared the line with its sources; null until a real check happens. */
    lastChecked: z.iso.date().nullable(),
    checkedBy: z.string().min(1).max(200).nullable(),
  })
  .superRefine((line, context) => {
    if ((line.lastChecked === null) !== (line.checkedBy === null)) {
      context.addIssue({ code: 'custom', path: [line.lastChecked === null ? 'lastChecked' : 'checkedBy'], message: checkPairMessage(line) })
    }
  })
export type UrgentLine = z.infer<typeof UrgentLineSchema>

/** The urgent-help lines of one country; a country without a sourced crisis line says so by omission. */
export const UrgentCountrySchema = z.object({
  country: CountryCode,
  lines: z.array(UrgentLineSchema).min(1),
})
export type UrgentCountry = z.infer<typeof UrgentCountrySchema>

/** The file `data/urgent-help.json`. */
export const UrgentHelpFileSchema = z.object({
  countries: z.array(UrgentCountrySchema),
})
