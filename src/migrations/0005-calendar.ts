import type { MigrationInterface, QueryRunner } from 'typeorm';
import { col, table } from './helpers';

/** [calendar] tables (rule DIR-13, D13): day overrides, confirmed years, pausable deadlines. */
export class Calendar1790000000005 implements MigrationInterface {
  name = 'Calendar1790000000005';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      table('calendar_day', [
        col.key('date', 10),
        col.str('kind', 8),
        col.str('note', 64, true),
        col.str('source', 16),
        col.str('updatedBy', 64),
        col.instant('updatedAt'),
      ]),
    );
    await q.createTable(
      table('calendar_year', [
        { name: 'year', type: 'integer', isPrimary: true },
        col.str('source', 16),
        col.str('confirmedBy', 64),
        col.instant('confirmedAt'),
      ]),
    );
    await q.createTable(
      table(
        'deadline',
        [
          col.id(),
          col.str('subjectType', 32),
          col.str('subjectId', 64),
          col.str('kind', 48),
          col.instant('startAt'),
          col.int('amount'),
          col.str('unit', 8),
          col.instant('pausedAt', true),
          col.json('pauses', true),
          col.int('pausedWorkdays'),
          col.int('extendedWorkdays'),
          col.date('dueDate'),
          col.instant('dueAt'),
          col.bool('provisional'),
          col.int('version'),
          col.str('status', 8),
          col.instant('createdAt'),
          col.instant('updatedAt'),
          col.instant('closedAt', true),
        ],
        {
          uniques: [['uq_deadline_subject', ['subjectType', 'subjectId', 'kind']]],
          indices: [['ix_deadline_due', ['status', 'dueDate']]],
        },
      ),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['deadline', 'calendar_year', 'calendar_day']) await q.dropTable(t);
  }
}
