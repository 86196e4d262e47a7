import type { MigrationInterface, QueryRunner } from 'typeorm';
import { col, table } from './helpers';

/** PRF-14 deduction events and PRF-17 award eligibility flags (D21: real tables from the start). */
export class Performance1790000000003 implements MigrationInterface {
  name = 'Performance1790000000003';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      table(
        'deduction_event',
        [
          col.id(),
          col.str('no', 16),
          col.date('date'),
          col.str('departmentCode', 16, true),
          col.str('personUserid', 64, true),
          col.str('rule', 16),
          col.str('source', 32),
          col.int('points', false, 0),
          col.text('note', true),
          col.str('status', 12),
          col.str('createdBy', 64),
          col.instant('createdAt'),
        ],
        {
          indices: [['ix_deduction_dept_date', ['departmentCode', 'date']]],
          uniqueIndices: [['uq_deduction_event_no', ['no']]],
        },
      ),
    );
    await q.createTable(
      table(
        'award_flag',
        [
          col.id(),
          col.int('year'),
          col.str('subjectType', 12),
          col.str('subjectId', 64),
          col.str('rule', 16),
          col.str('source', 32),
          col.str('status', 12),
          col.str('decider', 64),
          col.str('decidedBy', 64, true),
          col.instant('decidedAt', true),
          col.text('note', true),
          col.instant('createdAt'),
        ],
        { indices: [['ix_award_subject', ['subjectType', 'subjectId', 'year']]] },
      ),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('award_flag');
    await q.dropTable('deduction_event');
  }
}
