import type { MigrationInterface, QueryRunner } from 'typeorm';
import { col, table } from './helpers';

/** 投诉处理 (CMP-01…21, REC-01/02): the 投诉登记表, per-department referrals, and intake notes. */
export class Complaints1790000000010 implements MigrationInterface {
  name = 'Complaints1790000000010';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      table(
        'complaint',
        [
          col.id(),
          col.str('no', 16),
          col.str('type', 8),
          col.instant('receivedAt'),
          col.date('receivedDate'),
          col.str('channel', 16),
          col.str('complainantName', 32, true),
          col.str('complainantPhone', 32, true),
          col.str('complainantAddress', 128, true),
          col.bool('confidential'),
          col.str('departmentCode', 16, true),
          col.str('windowNumber', 8, true),
          col.str('staffUserid', 64, true),
          col.str('respondentLabel', 64),
          col.text('matter'),
          col.text('cause', true),
          col.text('demand', true),
          col.str('category', 8),
          col.str('nature', 16),
          col.date('platformDue', true),
          col.str('platformRef', 32, true),
          col.str('status', 8),
          col.str('handlingMode', 8, true),
          col.bool('serious'),
          col.text('opinion', true),
          col.text('recordComplainant', true),
          col.text('recordRespondent', true),
          col.int('round'),
          col.instant('processedAt', true),
          col.instant('repliedAt', true),
          col.str('replyMethod', 16, true),
          col.str('satisfaction', 8, true),
          col.text('dissatisfiedReason', true),
          col.text('suggestion', true),
          col.bool('replyOverdue'),
          col.bool('overdue'),
          col.str('outcome', 8, true),
          col.json('outcomeUse', true),
          col.bool('malicious'),
          col.str('closeReason', 16, true),
          col.text('closeNote', true),
          col.str('handler', 64),
          col.int('intakeId', true),
          col.str('approvalNo', 20, true),
          col.date('archivedDate', true),
          col.instant('createdAt'),
          col.instant('updatedAt'),
          col.int('version'),
        ],
        {
          indices: [
            ['ix_complaint_dept', ['departmentCode', 'receivedDate']],
            ['ix_complaint_status', ['status']],
          ],
          uniqueIndices: [['uq_complaint_no', ['no']]],
        },
      ),
    );
    await q.createTable(
      table(
        'complaint_party',
        [
          col.id(),
          col.str('complaintNo', 16),
          col.str('departmentCode', 16),
          col.int('round'),
          col.bool('serious'),
          col.str('status', 8),
          col.instant('sentAt', true),
          col.instant('ackAt', true),
          col.str('ackBy', 64, true),
          col.instant('reportedAt', true),
          col.str('reportedBy', 64, true),
          col.text('report', true),
          col.bool('reportOverdue'),
          col.instant('createdAt'),
        ],
        {
          indices: [['ix_complaint_party_dept', ['departmentCode']]],
          uniques: [['uq_complaint_party', ['complaintNo', 'departmentCode', 'round']]],
        },
      ),
    );
    await q.createTable(
      table(
        'complaint_intake',
        [
          col.id(),
          col.str('kind', 8),
          col.str('status', 8),
          col.text('content'),
          col.str('target', 64, true),
          col.str('sourceRef', 32, true),
          col.str('reportedBy', 64),
          col.str('complaintNo', 16, true),
          col.instant('createdAt'),
          col.instant('handledAt', true),
        ],
        { indices: [['ix_complaint_intake_status', ['status']]] },
      ),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('complaint_intake');
    await q.dropTable('complaint_party');
    await q.dropTable('complaint');
  }
}
