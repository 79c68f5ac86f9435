import ar from '../../locales/ar/translation.json'
import bg from '../../locales/bg/translation.json'
import cs from '../../locales/cs/translation.json'
import da from '../../locales/da/translation.json'
import de from '../../locales/de/translation.json'
import el from '../../locales/el/translation.json'
import en from '../../locales/en/translation.json'
import es from '../../locales/es/translation.json'
import et from '../../locales/et/translation.json'
import fi from '../../locales/fi/translation.json'
import fr from '../../locales/fr/translation.json'
import ga from '../../locales/ga/translation.json'
import hr from '../../locales/hr/translation.json'
import hu from '../../locales/hu/translation.json'
import is from '../../locales/is/translation.json'
import it from '../../locales/it/translation.json'
import lt from '../../locales/lt/translation.json'
import lv from '../../locales/lv/translation.json'
import mt from '../../locales/mt/translation.json'
import nb from '../../locales/nb/translation.json'
import nl from '../../locales/nl/translation.json'
import pl from '../../locales/pl/translation.json'
import pt from '../../locales/pt/translation.json'
import ro from '../../locales/ro/translation.json'
import ru from '../../locales/ru/translation.json'
import sk from '../../locales/sk/translation.json'
import sl from '../../locales/sl/translation.json'
import sv from '../../locales/sv/translation.json'
import tr from '../../locales/tr/translation.json'
import uk from '../../locales/uk/translation.json'

/** Every locale, imported statically so the same bundle works on Node and Workers. English first. */
export const resources = {
  en: { translation: en },
  ar: { translation: ar },
  bg: { translation: bg },
  cs: { translation: cs },
  da: { translation: da },
  de: { translation: de },
  el: { translation: el },
  es: { translation: es },
  et: { translation: et },
  fi: { translation: fi },
  fr: { translation: fr },
  ga: { translation: ga },
  hr: { translation: hr },
  hu: { translation: hu },
  is: { translation: is },
  it: { translation: it },
  lt: { translation: lt },
  lv: { translation: lv },
  mt: { translation: mt },
  nb: { translation: nb },
  nl: { translation: nl },
  pl: { translation: pl },
  pt: { translation: pt },
  ro: { translation: ro },
  ru: { translation: ru },
  sk: { translation: sk },
  sl: { translation: sl },
  sv: { translation: sv },
  tr: { translation: tr },
  uk: { translation: uk },
} as const

export type UiLanguage = keyof typeof resources

/** Interface languages, in the order they are offered. */
export const uiLanguages = Object.keys(resources) as UiLanguage[]
