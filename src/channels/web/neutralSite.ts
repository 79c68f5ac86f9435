/** Where the quick exit goes: an everyday site that gives nothing away and works without JavaScript. */
export const NEUTRAL_SITE = 'https://www.bbc.co.uk/weather'
