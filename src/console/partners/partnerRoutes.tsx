import { Hono, type Context } from 'hono'
import type { DirectoryData } from '../../core/directory/directoryData'
import { indexDirectory } from '../../core/directory/indexDirectory'
import { isContactable } from '../../core/directory/isContactable'
import type { Partner } from '../../core/directory/partnerSchema'
import { recordVersion } from '../directory/recordVersion'
import { consolePage } from '../shared/consolePage'
import type { AdminDeps, AdminEnv } from '../shared/adminEnv'
import { consoleMessagePage } from '../shared/ConsoleMessagePage'
import { historyPage } from '../shared/HistoryList'
import { PartnerForm } from './PartnerForm'
import { inputOfPartner, partnerFromInput, partnerInput, placeProblem, type PartnerErrors, type PartnerInput } from './partnerFormInput'
import { PartnerList } from './PartnerList'
import { PartnerSnippet } from './PartnerSnippet'
import { refusalText } from '../shared/refusalText'

const SECTION = '/admin/partners'
const DONE: Record<string, string> = { created: 'added', saved: 'saved' }

/**
 * /admin/partners (admins only): the sites that embed the widget, each with its allowed origins,
 * featured services and defaults. Saved through the curator directory, so the widget's
 * frame-ancestors and featured services change at once, and every change is in the history.
 * @example app.route('/partners', partnerRoutes(deps))
 */
export function partnerRoutes(deps: Pick<AdminDeps, 'directory' | 'now' | 'publicOrigin' | 'embedOrigins'>) {
  const app = new Hono<AdminEnv>()

  // Which sites may frame the widget is a security decision: editors neither see nor change it.
  app.use(async (c, next) => {
    if (c.get('curator').role !== 'admin') {
      return consoleMessagePage(
        c,
        'Administrators only',
        'Only an administrator may see or change the partners that embed the widget. Nothing was changed.',
        403,
      )
    }
    await next()
  })

  app.get('/', async (c) => {
    const data = await deps.directory.load()
    return consolePage(
      c,
      { title: 'Partners', section: SECTION },
      <>
        <h1>Partners</h1>
        <p>
          Sites that embed the Helpfinder widget with their partner id. The widget may only be framed by a partner's listed origins, and
          shows its featured services first when they fit the person.
        </p>
        <p>
          <a class="button" href="/admin/partners/new">
            New partner
          </a>
        </p>
        <PartnerList partners={[...data.partners].sort((a, b) => a.name.localeCompare(b.name, 'en'))} />
      </>,
    )
  })

  app.get('/new', async (c) => {
    const blank: PartnerInput = {
      id: '',
      name: '',
      fictional: false,
      origins: '',
      featured: '',
      defaultCountry: '',
      defaultLanguage: '',
      lastChecked: deps.now().toISOString().slice(0, 10),
      notes: '',
      baseVersion: '',
    }
    return formPage(c, await deps.directory.load(), blank, undefined)
  })

  app.post('/new', async (c) => {
    const input = partnerInput(await c.req.parseBody())
    if (!input)
      return consoleMessagePage(c, 'Form not understood', 'That was not the partner form. Nothing was changed. Go back and try again.', 400)
    return save(c, input, undefined)
  })

  app.get('/:id', async (c) => {
    const data = await deps.directory.load()
    const partner = data.partners.find((candidate) => candidate.id === c.req.param('id'))
    if (!partner) return c.notFound()
    return formPage(c, data, inputOfPartner(partner, recordVersion(partner)), undefined, partner)
  })

  app.post('/:id', async (c) => {
    const before = (await deps.directory.load()).partners.find((candidate) => candidate.id === c.req.param('id'))
    if (!before) return c.notFound()
    const input = partnerInput(await c.req.parseBody())
    if (!input)
      return consoleMessagePage(c, 'Form not understood', 'That was not the partner form. Nothing was changed. Go back and try again.', 400)
    return save(c, { ...input, id: before.id }, before)
  })

  app.get('/:id/history', (c) =>
    historyPage(c, deps.directory, { subject: 'partner', id: c.req.param('id'), section: SECTION, back: 'Back to the partner' }),
  )

  /** Validates and saves; on any problem the same form comes back (422) with what was typed. */
  async function save(c: Context<AdminEnv>, input: PartnerInput, before: Partner | undefined) {
    const parsed = partnerFromInput(input, deps.embedOrigins)
    if (!parsed.ok) return formPage(c, await deps.directory.load(), input, parsed.errors, before)
    const result = await deps.directory.savePartner(c.get('curator'), parsed.partner, {
      action: before ? 'edit' : 'create',
      baseVersion: before ? input.baseVersion : undefined,
    })
    if (result.ok) return c.redirect(`/admin/partners/${parsed.partner.id}?done=${before ? 'saved' : 'created'}`, 303)
    const refusal = result.error
    if (refusal.kind === 'missing') return c.notFound()
    const errors: PartnerErrors = { fields: {}, general: [] }
    if (refusal.kind === 'exists') errors.fields.id = ['A partner with this id already exists. Choose another id.']
    if (refusal.kind === 'invalid') for (const problem of refusal.problems) placeProblem(errors, parsed.partner.id, problem)
    return formPage(c, await deps.directory.load(), input, errors, before, refusalText(refusal))
  }

  /** The new or edit page: the form, and for an existing partner its snippet and history link; with `errors`, refused (422). */
  function formPage(
    c: Context<AdminEnv>,
    data: DirectoryData,
    input: PartnerInput,
    errors: PartnerErrors | undefined,
    partner?: Partner,
    refusal?: string,
  ) {
    const done = DONE[c.req.query('done') ?? '']
    const index = indexDirectory(data)
    const services = data.initiatives
      .filter((record) => record.status === 'active' && isContactable(record))
      .map((record) => ({ id: record.id, name: record.name, countries: record.countries }))
      .sort((a, b) => a.name.localeCompare(b.name, 'en'))
    const title = partner ? partner.name : 'New partner'
    return consolePage(
      c,
      { title: errors ? `Not saved: ${title}` : title, section: SECTION },
      <>
        <h1>{title}</h1>
        {done && partner && !errors && (
          <p class="ok" role="status">
            {`${partner.id}: ${done}. The widget uses the change at once.`}
          </p>
        )}
        <p>
          <a href="/admin/partners">All partners</a>
          {partner && (
            <>
              {' · '}
              <a href={`/admin/partners/${partner.id}/history`}>History</a>
            </>
          )}
        </p>
        {partner && !errors && <PartnerSnippet partner={partner} origin={deps.publicOrigin} />}
        {partner && <h2>Edit</h2>}
        <PartnerForm
          input={input}
          isNew={!partner}
          errors={errors}
          refusal={refusal}
          csrf={c.get('csrf')}
          action={partner ? `/admin/partners/${partner.id}` : '/admin/partners/new'}
          services={services}
          countries={index.countries}
          languages={index.languages}
        />
      </>,
      errors ? 422 : 200,
    )
  }

  return app
}
