import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db';
import { freshDb } from '../helpers/db';

describe('schema', () => {
  let db: Db;
  beforeAll(async () => {
    db = await freshDb();
  });
  afterAll(async () => {
    await db.close();
  });

  it('migrations produce exactly the schema the entities declare (synchronize would change nothing)', async () => {
    const sql = await db.ds.driver.createSchemaBuilder().log();
    expect(sql.upQueries.map((q) => q.query)).toEqual([]);
  });

  it('no migration is pending after start-up', async () => {
    expect(await db.ds.showMigrations()).toBe(false);
  });
});
