import type { MigrationInterface, QueryRunner } from 'typeorm';
import { col, table } from './helpers';

/** [security] D35: what the database is (real or sandbox) and its generated secrets (entities/instance-meta.ts). */
export class Security1790000000095 implements MigrationInterface {
  name = 'Security1790000000095';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(table('instance_meta', [col.key('name', 64), col.text('value')]));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('instance_meta');
  }
}
