/**
 * The 27 EU member states (ISO 3166-1 alpha-2; Greece as GR), as the tests expect them. Kept apart
 * from src/curation/euMemberStates.ts on purpose: the tests check the app's list against this one.
 */
export const EU_27: readonly string[] = [
  ...['AT', 'BE', 'BG', 'CY', 'CZ', 'DE', 'DK', 'EE', 'ES', 'FI', 'FR', 'GR', 'HR', 'HU'],
  ...['IE', 'IT', 'LT', 'LU', 'LV', 'MT', 'NL', 'PL', 'PT', 'RO', 'SE', 'SI', 'SK'],
]
