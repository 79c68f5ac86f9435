import * as z from 'zod'

/** Whether a person who speaks the language has read the wording, or it is a first draft. */
export const ReviewStatusSchema = z.enum(['machine-drafted', 'reviewed'])

/** The concepts every language's glossary must settle: the wording to use, and the labels to avoid. */
export const GLOSSARY_CONCEPTS = [
  'child sexual abuse material',
  'a person with sexual thoughts about children',
  'predator',
  'monster',
  'a person who has offended / harmed',
] as const

/**
 * `locales/<code>/glossary.json`: the sensitive terms of one language, with the preferred wording
 * and a pattern for the stigmatising ones, which the terminology lint applies to that locale.
 */
export const LocaleGlossarySchema = z.object({
  language: z.string().regex(/^[a-z]{2}$/),
  review: ReviewStatusSchema,
  /**
   * The one form of address this language uses (decided in locales/REVIEW.md), and patterns for the
   * forms it does not use, which the address lint flags anywhere in the language's text.
   */
  address: z.object({
    form: z.string().min(1),
    flag: z.array(
      z.object({
        /** A JavaScript RegExp source, compiled with the flag 'u' only: case matters (Sie, Lei, De). */
        pattern: z.string().min(1),
        matches: z.array(z.string()).min(1),
        allows: z.array(z.string()),
      }),
    ),
    /** Strings that may use another form, each with the reason (a line written to children, a quoted label). */
    except: z.array(z.object({ key: z.string().min(1), why: z.string().min(1) })),
  }),
  terms: z
    .array(
      z.object({
        concept: z.enum(GLOSSARY_CONCEPTS),
        preferred: z.string().min(1),
        avoid: z.array(z.string().min(1)).min(1),
        /** A JavaScript RegExp source, compiled with flags 'iu'. */
        pattern: z.string().min(1),
        matches: z.array(z.string()).min(1),
        allows: z.array(z.string()),
      }),
    )
    .refine((terms) => GLOSSARY_CONCEPTS.every((concept) => terms.some((term) => term.concept === concept)), {
      error: 'needs an entry for every concept',
    }),
})
export type LocaleGlossary = z.infer<typeof LocaleGlossarySchema>
