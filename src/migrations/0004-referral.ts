import type { MigrationInterface, QueryRunner } from 'typeorm';
import { col, table } from './helpers';

/** ACC-05 referral records shared by complaints, inspections and notices. */
export class Referral1790000000004 implements MigrationInterface {
  name = 'Referral1790000000004';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      table(
        'referral',
        [
          col.id(),
          col.date('date'),
          col.str('source', 32),
          col.str('body', 32),
          col.text('summary'),
          col.str('createdBy', 64),
          col.instant('createdAt'),
        ],
        { indices: [['ix_referral_source', ['source']]] },
      ),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('referral');
  }
}
