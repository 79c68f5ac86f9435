import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core'

/** Classification criteria of the taxonomy: the JRC 2023 categories (confirmed) and Helpfinder's own criteria (provisional); loaded as rows from data/taxonomy.json, not code. */
export const criteria = sqliteTable('criteria', {
  id: text('id').primaryKey(),
  position: integer('position').notNull(),
  label: text('label').notNull(),
  description: text('description').notNull(),
  multiple: integer('multiple', { mode: 'boolean' }).notNull(),
  valueSet: text('value_set').notNull(),
  field: text('field'),
  source: text('source').notNull(),
})

/** Tags (keywords) of each criterion. */
export const tags = sqliteTable(
  'tags',
  {
    criterionId: text('criterion_id')
      .notNull()
      .references(() => criteria.id),
    id: text('id').notNull(),
    position: integer('position').notNull(),
    label: text('label').notNull(),
    description: text('description'),
  },
  (table) => [primaryKey({ columns: [table.criterionId, table.id] })],
)

/** One service. Unknown facts are NULL, never guessed. */
export const initiatives = sqliteTable('initiatives', {
  id: text('id').primaryKey(),
  kind: text('kind').notNull(),
  name: text('name').notNull(),
  nameLocal: text('name_local'),
  organisation: text('organisation'),
  summary: text('summary'),
  status: text('status').notNull(),
  statusNote: text('status_note'),
  subnational: text('subnational'),
  online: integer('online', { mode: 'boolean' }).notNull(),
  free: integer('free', { mode: 'boolean' }),
  costNotes: text('cost_notes'),
  /** 'yes' | 'no' | 'partial' | NULL */
  anonymous: text('anonymous'),
  confidentiality: text('confidentiality'),
  website: text('website'),
  aboutPage: text('about_page'),
  /** 'operator' | 'official' | NULL */
  aboutPageBy: text('about_page_by'),
  /** JSON array of { language, text, source } */
  ownWords: text('own_words').notNull().default('[]'),
  /** NULL until someone compares the record with its sources (migration 0006 replaced the import-stamped `last_checked`) */
  lastChecked: text('checked_on'),
  checkedBy: text('checked_by'),
  confidence: text('confidence').notNull(),
})

/** Every tag of a service, countries and languages included (criteria "country" and "language"). */
export const initiativeTags = sqliteTable(
  'initiative_tags',
  {
    initiativeId: text('initiative_id')
      .notNull()
      .references(() => initiatives.id),
    criterionId: text('criterion_id')
      .notNull()
      .references(() => criteria.id),
    tagId: text('tag_id').notNull(),
    position: integer('position').notNull(),
    /** Inferred from a source's wording rather than stated by it: matching weighs it less. */
    inferred: integer('inferred', { mode: 'boolean' }).notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.initiativeId, table.criterionId, table.tagId] }),
    index('initiative_tags_by_tag').on(table.criterionId, table.tagId),
  ],
)

/** Ways to reach a service, with hours and languages where a source states them. */
export const contacts = sqliteTable('contacts', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  initiativeId: text('initiative_id')
    .notNull()
    .references(() => initiatives.id),
  position: integer('position').notNull(),
  channel: text('channel').notNull(),
  value: text('value'),
  hours: text('hours'),
  /** JSON array of ISO 639-1 codes, or NULL when unknown */
  languages: text('languages'),
  notes: text('notes'),
  /** JSON array of ISO 3166-1 alpha-2 codes the contact works from, or NULL when it works wherever the service works */
  countries: text('countries'),
})

/** Where each fact came from, with the page's date. */
export const sources = sqliteTable('sources', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  initiativeId: text('initiative_id')
    .notNull()
    .references(() => initiatives.id),
  position: integer('position').notNull(),
  url: text('url').notNull(),
  date: text('date').notNull(),
  supports: text('supports').notNull(),
})

/** Urgent-help numbers per country (emergency, child helpline, crisis line), each sourced. */
export const urgentLines = sqliteTable('urgent_lines', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  country: text('country').notNull(),
  position: integer('position').notNull(),
  kind: text('kind').notNull(),
  name: text('name').notNull(),
  number: text('number').notNull(),
  hours: text('hours'),
  languages: text('languages'),
  /** JSON array of { url, date, supports } */
  sources: text('sources').notNull(),
  /** NULL until someone compares the line with its sources */
  lastChecked: text('checked_on'),
  checkedBy: text('checked_by'),
})

/** Small facts about the loaded data (taxonomy name and note). */
export const meta = sqliteTable('meta', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
})

/** Sites allowed to embed the widget (data/partners.json), one row each. */
export const partners = sqliteTable('partners', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  fictional: integer('fictional', { mode: 'boolean' }).notNull(),
  /** JSON array of embed origins; an empty array means nowhere */
  origins: text('origins').notNull(),
  /** JSON array of initiative ids, in the order shown */
  featured: text('featured').notNull(),
  defaultCountry: text('default_country'),
  defaultLanguage: text('default_language'),
  lastChecked: text('last_checked').notNull(),
  notes: text('notes'),
})

/**
 * People who keep the directory true (the only accounts Helpfinder has; never help-seekers).
 * Only what is needed: a login name, a display name, the password hash, the role and its scope.
 */
export const curators = sqliteTable('curators', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  login: text('login').notNull().unique(),
  displayName: text('display_name').notNull(),
  /** argon2id PHC string (src/console/auth/passwordPolicy.ts) */
  passwordHash: text('password_hash').notNull(),
  /** 'editor' | 'admin' */
  role: text('role').notNull(),
  /** An editor's scope: the records of this organisation and/or this country. */
  organisation: text('organisation'),
  country: text('country'),
  createdAt: text('created_at').notNull(),
  /** When `npm run curator:disable` disabled the account (ISO time); NULL while it may log in. */
  disabledAt: text('disabled_at'),
})

/**
 * Curator console sessions. Only a hash of the token is stored: a copy of the database does not
 * let anyone log in. Times are milliseconds since the epoch (idle and absolute timeouts).
 */
export const curatorSessions = sqliteTable('curator_sessions', {
  tokenHash: text('token_hash').primaryKey(),
  curatorId: integer('curator_id')
    .notNull()
    .references(() => curators.id),
  createdAt: integer('created_at').notNull(),
  lastSeenAt: integer('last_seen_at').notNull(),
})

/**
 * Who changed what and when, with the values before and after (JSON), per record. Kept when a
 * record is retired; the curator's name is copied so the entry survives the account.
 */
export const auditEntries = sqliteTable(
  'audit_entries',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: text('at').notNull(),
    curatorId: integer('curator_id'),
    curatorName: text('curator_name').notNull(),
    /** 'initiative' | 'partner' | 'curator' */
    subject: text('subject').notNull(),
    subjectId: text('subject_id').notNull(),
    /** 'create' | 'edit' | 'confirm' | 'retire' | 'import' | … */
    action: text('action').notNull(),
    before: text('before'),
    after: text('after'),
  },
  (table) => [index('audit_entries_by_subject').on(table.subject, table.subjectId, table.id)],
)

/**
 * Logins and account changes, for admins to review (docs/curators.md). Only the time, the account
 * (NULL when the typed login name matches no account: that text may be a mistyped password and is
 * never kept) and what happened; no address, no user agent. Pruned after 90 days.
 */
export const curatorEvents = sqliteTable(
  'curator_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: text('at').notNull(),
    curatorId: integer('curator_id').references(() => curators.id),
    /** 'login_ok' | 'login_failed' | 'login_locked' | 'logout' | 'sessions_ended' | 'account_created' | … (src/console/auth/curatorEvents.ts) */
    kind: text('kind').notNull(),
  },
  (table) => [index('curator_events_by_time').on(table.at)],
)

/*
 * Partner figures (docs/figures.md): counters, never records. Each table keeps one small set of
 * dimensions, and none crosses partner, time and situation. Periods are an ISO week ("2026-W49")
 * or a month ("2026-12"), never a day. No address, token or typed text has a column anywhere.
 */

/** The funnel per partner (a registered partner's id, or "(web)", "(api)", "(bot)", "(widget)") and ISO week: no country, situation or language. */
export const figuresPartnerWeek = sqliteTable(
  'figures_partner_week',
  {
    partner: text('partner').notNull(),
    week: text('week').notNull(),
    event: text('event').notNull(),
    count: integer('count').notNull(),
  },
  (table) => [primaryKey({ columns: [table.partner, table.week, table.event] })],
)

/** The funnel and the results' tiers per country and month: no partner. */
export const figuresCountryMonth = sqliteTable(
  'figures_country_month',
  {
    country: text('country').notNull(),
    month: text('month').notNull(),
    event: text('event').notNull(),
    count: integer('count').notNull(),
  },
  (table) => [primaryKey({ columns: [table.country, table.month, table.event] })],
)

/** Results per country, month and situation (the stage answer): never beside a partner or a language. */
export const figuresCountrySituationMonth = sqliteTable(
  'figures_country_situation_month',
  {
    country: text('country').notNull(),
    month: text('month').notNull(),
    situation: text('situation').notNull(),
    event: text('event').notNull(),
    count: integer('count').notNull(),
  },
  (table) => [primaryKey({ columns: [table.country, table.month, table.situation, table.event] })],
)

/** Results per country, month and the language asked for: never beside a partner or a situation. */
export const figuresCountryLanguageMonth = sqliteTable(
  'figures_country_language_month',
  {
    country: text('country').notNull(),
    month: text('month').notNull(),
    language: text('language').notNull(),
    event: text('event').notNull(),
    count: integer('count').notNull(),
  },
  (table) => [primaryKey({ columns: [table.country, table.month, table.language, table.event] })],
)
