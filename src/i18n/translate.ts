/**
 * A translation function fixed to one interface language. Narrower than i18next's TFunction on
 * purpose: keys are plain strings and parameters plain values, so channels stay easy to test.
 * @example t('results.none_national', { country: 'Deutschland' })
 */
export type Translate = (key: string, params?: Record<string, string | number | undefined>) => string
