import * as z from 'zod'

/** A tag (keyword) of one classification criterion. */
export const TagSchema = z.object({
  id: z.string().regex(/^[a-z0-9_]+$/),
  /** Locale key of the tag's user-facing label. */
  label: z.string().min(1),
  description: z.string().min(1).optional(),
})

/**
 * A classification criterion. Criteria with `valueSet` take codes from a standard
 * (ISO 639-1 / 3166-1) instead of listing tags; `field` names where a record keeps them.
 */
export const CriterionSchema = z.object({
  id: z.string().regex(/^[a-z0-9_]+$/),
  label: z.string().min(1),
  description: z.string().min(1),
  multiple: z.boolean(),
  valueSet: z.enum(['tags', 'iso-639-1', 'iso-3166-1', 'boolean']),
  field: z.string().min(1).optional(),
  tags: z.array(TagSchema),
  source: z.string().min(1),
})
export type Criterion = z.infer<typeof CriterionSchema>

/** The file `data/taxonomy.json`. */
export const TaxonomySchema = z.object({
  name: z.string().min(1),
  note: z.string().min(1),
  criteria: z.array(CriterionSchema).min(1),
})
export type Taxonomy = z.infer<typeof TaxonomySchema>
