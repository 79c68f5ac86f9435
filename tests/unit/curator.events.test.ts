import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { drizzle } from 'drizzle-orm/better-sqlite3'
import { migrate } from 'drizzle-orm/better-sqlite3/migrator'
import { afterAll, describe, expect, it } from 'vitest'
import { curatorEvents, EVENT_RETENTION } from '../../src/console/auth/curatorEvents'
import * as schema from '../../src/storage/schema'

// The account event log's retention on a real SQLite file migrated like the server's: events
// older than 90 days go when the log is opened and as it is written; never more than maxRows stay.
const folder = mkdtempSync(join(tmpdir(), 'helpfinder-'))
afterAll(() => rmSync(folder, { recursive: true, force: true }))

function openDatabase(name: string) {
  const sqlite = new Database(join(folder, name))
  const db = drizzle(sqlite, { schema })
  migrate(db, { migrationsFolder: 'migrations' })
  return { sqlite, db }
}

describe('curatorEvents retention', () => {
  it('deletes events older than 90 days when opened, keeps the rest, and lists them with the account', () => {
    const { sqlite, db } = openDatabase('age.sqlite')
    const anna = db
      .insert(schema.curators)
      .values({ login: 'anna', displayName: 'Anna K.', passwordHash: 'x', role: 'admin', createdAt: '2026-01-01T00:00:00.000Z' })
      .returning()
      .get()
    const now = new Date('2026-11-23T09:00:00.000Z')
    const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000).toISOString()
    db.insert(schema.curatorEvents)
      .values([
        { at: daysAgo(EVENT_RETENTION.days + 1), curatorId: anna.id, kind: 'login_ok' },
        { at: daysAgo(EVENT_RETENTION.days - 1), curatorId: anna.id, kind: 'logout' },
        { at: daysAgo(1), curatorId: null, kind: 'login_failed' },
      ])
      .run()
    const events = curatorEvents(db, () => now)
    expect(events.latest(10)).toEqual([
      { at: daysAgo(1), kind: 'login_failed', curator: null },
      { at: daysAgo(EVENT_RETENTION.days - 1), kind: 'logout', curator: { id: anna.id, login: 'anna', displayName: 'Anna K.' } },
    ])
    sqlite.close()
  })

  it(`keeps at most ${EVENT_RETENTION.maxRows} events however many are written`, () => {
    const { sqlite, db } = openDatabase('count.sqlite')
    const at = new Date().toISOString()
    const insert = sqlite.prepare("insert into curator_events (at, curator_id, kind) values (?, null, 'login_failed')")
    sqlite.transaction(() => {
      for (let index = 0; index < EVENT_RETENTION.maxRows + 499; index += 1) insert.run(at)
    })()
    const events = curatorEvents(db)
    const count = () => Number(sqlite.prepare('select count(*) from curator_events').pluck().get())
    expect(count()).toBe(EVENT_RETENTION.maxRows)
    for (let index = 0; index < 500; index += 1) events.record('login_failed', null)
    expect(count()).toBe(EVENT_RETENTION.maxRows)
    sqlite.close()
  })
})
