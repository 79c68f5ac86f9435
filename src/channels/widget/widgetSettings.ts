import * as z from 'zod'

/** Drops a value that does not parse instead of failing the page: a bad preset gives the default widget. */
const Lenient = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined)

/**
 * The widget's settings as the loader (or an `<iframe>` snippet) puts them in the panel's URL,
 * and as every panel form carries them on (`w_*` fields). None is personal; all are optional.
 */
export const WidgetSettingsSchema = z.object({
  partner: Lenient(
    z
      .string()
      .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)
      .max(64),
  ),
  country: Lenient(
    z
      .string()
      .regex(/^[A-Za-z]{2}$/)
      .transform((code) => code.toUpperCase()),
  ),
  lang: Lenient(
    z
      .string()
      .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/)
      .max(35),
  ),
  accent: Lenient(z.string().regex(/^#[0-9a-fA-F]{6}$/)),
})
export type WidgetSettings = z.infer<typeof WidgetSettingsSchema>

/**
 * Reads the settings from the panel's query (`partner`, `country`, `lang`, `accent`) or a posted
 * form (`w_partner`, …). Never fails: what does not parse is left out.
 * @example widgetSettings({ partner: 'demo-helpline', country: 'de' }) // { partner: 'demo-helpline', country: 'DE' }
 */
export function widgetSettings(source: Record<string, unknown>, prefix = ''): WidgetSettings {
  const pick = (name: string) => {
    const sent = source[`${prefix}${name}`]
    // A field posted twice counts as its first value, as in the turn form.
    const value = Array.isArray(sent) ? sent[0] : sent
    return typeof value === 'string' && value !== '' ? value : undefined
  }
  const parsed = WidgetSettingsSchema.safeParse({
    partner: pick('partner'),
    country: pick('country'),
    lang: pick('lang'),
    accent: pick('accent'),
  })
  return parsed.success ? parsed.data : {}
}

/** The hidden fields that carry the settings from one panel form to the next. */
export function settingsFields(settings: WidgetSettings): [string, string][] {
  return Object.entries(settings).flatMap(([name, value]) => (typeof value === 'string' ? [[`w_${name}`, value] as [string, string]] : []))
}
