import type { MigrationInterface, QueryRunner } from 'typeorm';
import { col, table } from './helpers';

/** 三级提醒 dates per case clock version (CAS-18, D110), indexed so the 09:00 scan is a range query. */
export class CaseClock1790000000051 implements MigrationInterface {
  name = 'CaseClock1790000000051';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      table(
        'case_clock',
        [
          col.id(),
          col.int('deadlineId'),
          col.str('caseNo', 64),
          col.int('deadlineVersion'),
          col.str('rule', 16),
          col.int('workdays'),
          col.bool('instant'),
          col.date('l1Date', true),
          col.date('l2Date', true),
          col.date('dueDate'),
          col.date('botDueDate'),
          col.date('platformDueDate', true),
          col.bool('live'),
          col.instant('syncedAt'),
        ],
        {
          indices: [
            ['ix_case_clock_l1', ['l1Date']],
            ['ix_case_clock_l2', ['l2Date']],
            ['ix_case_clock_due', ['live', 'dueDate']],
          ],
          uniqueIndices: [['uq_case_clock_deadline', ['deadlineId']]],
        },
      ),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('case_clock');
  }
}
