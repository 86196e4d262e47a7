import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';
import { col, table } from './helpers';

/**
 * Presence (ATT-03/04/08/09, DIR-12, STF-11): people's 区域, 暂离 records, guides' 晨会 roll-call, 带小孩 报备,
 * the 带班表, 综窗 晨会/夕会 records and the 培训台账.
 */
export class Presence1790000000062 implements MigrationInterface {
  name = 'Presence1790000000062';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn('person', new TableColumn(col.str('zone', 16, true)));
    await q.createTable(
      table(
        'short_absence',
        [
          col.id(),
          col.str('no', 16),
          col.str('userid', 64),
          col.str('kind', 4),
          col.str('reason', 128, true),
          col.str('replacement', 64, true),
          col.int('minutes'),
          col.str('status', 8),
          col.instant('requestedAt'),
          col.instant('startedAt', true),
          col.instant('endedAt', true),
          col.bool('overtime'),
          col.str('approvalNo', 16, true),
        ],
        { uniques: [['uq_short_absence_no', ['no']]], indices: [['ix_short_absence_status', ['status']]] },
      ),
    );
    await q.createTable(
      table(
        'guide_rollcall',
        [col.id(), col.date('date'), col.str('userid', 64), col.instant('at'), col.bool('late')],
        {
          uniques: [['uq_guide_rollcall', ['date', 'userid']]],
        },
      ),
    );
    await q.createTable(
      table(
        'child_report',
        [col.id(), col.str('userid', 64), col.date('date'), col.text('reason'), col.instant('createdAt')],
        { indices: [['ix_child_report_date', ['date']]] },
      ),
    );
    await q.createTable(
      table('duty_roster', [col.key('date', 10), col.str('leader', 64), col.str('setBy', 64), col.instant('setAt')]),
    );
    await q.createTable(
      table(
        'staff_meeting',
        [
          col.id(),
          col.date('date'),
          col.str('type', 4),
          col.json('attendees'),
          col.json('absentees'),
          col.text('content', true),
          col.str('recordedBy', 64),
          col.instant('createdAt'),
        ],
        { uniques: [['uq_staff_meeting', ['date', 'type']]] },
      ),
    );
    await q.createTable(
      table(
        'training_log',
        [
          col.id(),
          col.date('date'),
          col.str('topic', 128),
          col.int('headcount'),
          col.str('audience', 4),
          col.str('type', 4),
          col.str('organizer', 64),
          col.instant('createdAt'),
        ],
        { indices: [['ix_training_log_date', ['date']]] },
      ),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['training_log', 'staff_meeting', 'duty_roster', 'child_report', 'guide_rollcall', 'short_absence'])
      await q.dropTable(t);
    await q.dropColumn('person', 'zone');
  }
}
