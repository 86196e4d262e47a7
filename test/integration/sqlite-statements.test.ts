import { afterEach, describe, expect, it } from 'vitest';
import { InboxRow } from '../../entities/inbox';
import type { Db } from '../../src/db';
import { freshDb } from '../helpers/db';

// D242: on SQLite a whole-number parameter is bound, not written into the SQL, so one statement serves every id.
// mysql2 sends text queries, so the MariaDB project has nothing to check here.
const onServer = /^(mysql|mariadb):\/\//.test(process.env.TEST_DATABASE_URL ?? '');

describe.skipIf(onServer)('D242 prepared statements on SQLite', () => {
  let db: Db | undefined;
  afterEach(async () => {
    await db?.close();
    db = undefined;
  });

  const inboxRow = (i: number): Partial<InboxRow> => ({
    dedupeKey: `stmt:${i}`,
    userid: 'lisi',
    kind: 'text',
    payload: { i },
    status: 'pending',
    attempts: 0,
    receivedAt: new Date(Date.UTC(2026, 2, 2, i)),
  });

  it('D242 a find by id binds the id: two ids give the same SQL text, and each finds its own row', async () => {
    db = await freshDb();
    const m = db.manager;
    await m.save(InboxRow, [inboxRow(1), inboxRow(2)]);
    const query = (id: number) =>
      m.createQueryBuilder(InboxRow, 'i').where('i.id = :id AND i.attempts < :max', { id, max: 3 });
    const [sql1, params1] = query(1).getQueryAndParameters();
    const [sql2, params2] = query(2).getQueryAndParameters();
    expect(sql1).toBe(sql2);
    expect(sql1).not.toMatch(/= 1\b|< 3\b/);
    expect(params1).toEqual([1n, 3n]);
    expect(params2).toEqual([2n, 3n]);
    expect((await query(2).getOneOrFail()).dedupeKey).toBe('stmt:2');
    expect((await m.findOneByOrFail(InboxRow, { id: 1 })).payload).toEqual({ i: 1 });
  });

  it('D242 fractions and text reach the driver unchanged', async () => {
    db = await freshDb();
    const [sql, params] = db.manager
      .createQueryBuilder(InboxRow, 'i')
      .where('i.attempts > :f AND i.kind = :k', { f: 0.5, k: 'text' })
      .getQueryAndParameters();
    expect(sql).toContain('> 0.5');
    expect(params).toEqual(['text']);
  });
});
