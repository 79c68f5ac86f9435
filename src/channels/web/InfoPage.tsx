import type { Translate } from '../../i18n/translate'
import type { Child } from 'hono/jsx'
import { Layout } from './Layout'

/** A plain page of paragraphs from the locale (privacy, staying safe online, errors); its title names it in the tab too. */
export function InfoPage(props: {
  t: Translate
  ui: string
  dir: 'ltr' | 'rtl'
  nonce: string
  languages: { code: string; name: string }[]
  title: string
  paragraphs: string[]
  children?: Child
}) {
  const { t } = props
  return (
    <Layout t={t} ui={props.ui} dir={props.dir} nonce={props.nonce} state={undefined} languages={props.languages} title={props.title}>
      <h1 id="question" tabindex={-1}>
        {props.title}
      </h1>
      {props.paragraphs.map((paragraph) => (
        <p>{paragraph}</p>
      ))}
      {props.children}
      <p>
        <a href="/">{t('nav.home')}</a>
      </p>
    </Layout>
  )
}
