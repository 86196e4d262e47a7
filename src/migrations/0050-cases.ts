import type { MigrationInterface, QueryRunner } from 'typeorm';
import { col, table } from './helpers';

/** 事项 catalogue (ITM-01…09) and 办件 with their events (CAS-01…24, ACC-08). */
export class Cases1790000000050 implements MigrationInterface {
  name = 'Cases1790000000050';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      table(
        'item',
        [
          col.id(),
          col.str('code', 64),
          col.str('name', 128),
          col.str('departmentCode', 16),
          col.text('basis', true),
          col.text('conditions', true),
          col.json('materials', true),
          col.text('process', true),
          col.int('legalLimitWd', true),
          col.int('promisedLimitWd', true),
          col.text('limitBasis', true),
          col.str('place', 128, true),
          col.str('hours', 64, true),
          col.str('consultPhone', 32, true),
          col.str('supervisePhone', 32, true),
          col.str('windowNumber', 16, true),
          col.text('fees', true),
          col.bool('instant'),
          col.bool('inZongchuang'),
          col.bool('fullyOnline'),
          col.json('approvers', true),
          col.str('status', 8),
          col.instant('createdAt'),
          col.instant('updatedAt'),
          col.str('updatedBy', 64),
        ],
        {
          indices: [['ix_item_department', ['departmentCode', 'status']]],
          uniqueIndices: [['uq_item_code', ['code']]],
        },
      ),
    );
    await q.createTable(
      table(
        'service_case',
        [
          col.id(),
          col.str('no', 16),
          col.str('platformNo', 64, true),
          col.int('itemId'),
          col.str('itemCode', 64),
          col.str('itemName', 128),
          col.str('departmentCode', 16),
          col.str('windowNumber', 16, true),
          col.str('type', 4),
          col.str('mode', 8),
          col.int('limitWd'),
          col.str('applicant', 64),
          col.str('applicantPhone', 32, true),
          col.str('firstResponder', 64),
          col.str('handler', 64, true),
          col.str('status', 8),
          col.instant('receivedAt'),
          col.json('supplements'),
          col.date('completedDate', true),
          col.str('confirmedBy', 64, true),
          col.instant('confirmedAt', true),
          col.instant('acceptedAt', true),
          col.int('deadlineId', true),
          col.date('dueDate', true),
          col.json('parallel', true),
          col.str('pauseReason', 8, true),
          col.int('extensions'),
          col.text('result', true),
          col.text('refusalBasis', true),
          col.instant('finishedAt', true),
          col.str('deliveryMethod', 8, true),
          col.str('notifyChannel', 8, true),
          col.str('pickupPlace', 8, true),
          col.str('licenceNo', 64, true),
          col.instant('deliveredAt', true),
          col.instant('closedAt', true),
          col.bool('closedOverdue'),
          col.int('overdueWd', true),
          col.str('faultParty', 8, true),
          col.text('faultNote', true),
          col.str('faultBy', 64, true),
          col.instant('faultAt', true),
          col.date('platformDueDate', true),
          col.date('platformClosedDate', true),
          col.str('source', 8),
          col.int('version'),
          col.instant('createdAt'),
          col.instant('updatedAt'),
          col.str('updatedBy', 64),
        ],
        {
          indices: [
            ['ix_service_case_status', ['status', 'dueDate']],
            ['ix_service_case_department', ['departmentCode', 'status']],
          ],
          uniqueIndices: [
            ['uq_service_case_no', ['no']],
            ['uq_service_case_platform', ['platformNo']],
          ],
        },
      ),
    );
    await q.createTable(
      table(
        'case_event',
        [
          col.id(),
          col.str('caseNo', 16),
          col.str('action', 16),
          col.text('note', true),
          col.json('detail', true),
          col.str('by', 64),
          col.instant('at'),
        ],
        { indices: [['ix_case_event_case', ['caseNo', 'at']]] },
      ),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('case_event');
    await q.dropTable('service_case');
    await q.dropTable('item');
  }
}
