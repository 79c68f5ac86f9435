import { contentVersion } from '../shared/contentVersion'
import { contactBeaconScript } from './contactBeaconScript'
import { copyScript } from './copyScript'
import { historyScript } from './historyScript'

const body = historyScript + copyScript + contactBeaconScript
const version = contentVersion(body)

/**
 * The pages' enhancements that can wait for the page (Back and Forward, "Copy these details"), as
 * one file at a versioned address: fetched once and kept by the browser, instead of about 7 KB in
 * every step's page, and never downloaded where JavaScript is off. The quick exit's script stays
 * inline in every page: it must work the moment the page shows, whether or not this file arrives.
 * It is the same code for everyone and holds nothing personal, so it may be cached.
 */
export const enhancementScript = { body, version, path: `/enhance.js?v=${version}`, etag: `W/"${version}"` } as const
