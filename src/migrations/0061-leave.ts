import type { MigrationInterface, QueryRunner } from 'typeorm';
import { col, table } from './helpers';

/** 请假/出差/销假 (ATT-05/06/07): the QJ leave request. */
export class Leave1790000000061 implements MigrationInterface {
  name = 'Leave1790000000061';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      table(
        'leave_request',
        [
          col.id(),
          col.str('no', 16),
          col.str('userid', 64),
          col.str('departmentCode', 16, true),
          col.str('windowNumber', 16, true),
          col.str('kind', 8),
          col.date('fromDate'),
          col.date('toDate'),
          col.int('workdays'),
          col.text('reason', true),
          col.str('status', 12),
          col.str('approverRole', 16),
          col.str('approverUserid', 64, true),
          col.str('approvalNo', 16, true),
          col.date('makeUpDue', true),
          col.json('cover', true),
          col.json('softReasons', true),
          col.json('peaks', true),
          col.bool('paperApproval'),
          col.str('paperRecordedBy', 64, true),
          col.instant('decidedAt', true),
          col.instant('returnedAt', true),
          col.date('absentFlaggedOn', true),
          col.str('createdBy', 64),
          col.instant('createdAt'),
        ],
        {
          indices: [
            ['ix_leave_request_person', ['userid', 'fromDate']],
            ['ix_leave_request_status', ['status', 'toDate']],
          ],
          uniqueIndices: [['uq_leave_request_no', ['no']]],
        },
      ),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('leave_request');
  }
}
