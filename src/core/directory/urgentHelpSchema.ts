import * as z from 'zod'
import { CountryCode, LanguageCode } from './isoCodes'
import { SourceSchema } from './initiativeSchema'

/** One urgent-help line: emergency services, a child helpline or an adult crisis line. */
export const UrgentLineSchema = z.object({
  kind: z.enum(['emergency', 'child_helpline', 'crisis']),
  name: z.string().min(1),
  number: z.string().regex(/^[0-9 +]+$/),
  hours: z.string().min(1).nullable(),
  languages: z.array(LanguageCode).nullable(),
  sources: z.array(SourceSchema).min(1),
  lastChecked: z.iso.date(),
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
