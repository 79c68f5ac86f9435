import * as z from 'zod'
import aliasesFile from '../../data/name-aliases.json'

const Names = z.record(z.string().regex(/^[A-Za-z]{2}$/), z.array(z.string().min(1)))

/** Names that are also everyday words, never read inside a longer message (see the file's comment). */
const EverydayWords = z.object({ $comment: z.string().optional(), words: z.array(z.string().min(1)) })

/** `data/name-aliases.json`: other names people type for countries and languages, validated at load. */
export const NameAliasesSchema = z.object({
  $comment: z.string().optional(),
  region: Names,
  language: Names,
  everydayWords: EverydayWords.optional(),
})

/** @example createNameMatcher('region', uiLanguages, loadNameAliases().region) */
export function loadNameAliases(): z.infer<typeof NameAliasesSchema> {
  return NameAliasesSchema.parse(aliasesFile)
}
