import type { MigrationInterface, QueryRunner } from 'typeorm';
import { col, table } from './helpers';

/** 事项调整 SX (ITM-02…04, ITM-10), 要点 versions (ITM-07), 政务专递 YJ and its monthly sample (MAIL-01…07). */
export class ItemsMail1790000000052 implements MigrationInterface {
  name = 'ItemsMail1790000000052';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      table(
        'item_change',
        [
          col.id(),
          col.str('no', 16),
          col.str('departmentCode', 16),
          col.str('changeType', 4),
          col.str('itemName', 128),
          col.str('itemCode', 64, true),
          col.int('reasonCode'),
          col.text('reasonText', true),
          col.date('effectiveDate'),
          col.str('approvers', 255, true),
          col.bool('filedLate'),
          col.str('filedBy', 64),
          col.str('status', 8),
          col.str('approvalNo', 16, true),
          col.text('rejectReason', true),
          col.date('listUpdatedDate', true),
          col.str('listUpdatedBy', 64, true),
          col.instant('createdAt'),
          col.instant('updatedAt'),
        ],
        { indices: [['ix_item_change_status', ['status']]], uniqueIndices: [['uq_item_change_no', ['no']]] },
      ),
    );
    await q.createTable(
      table(
        'item_guide',
        [
          col.id(),
          col.str('itemCode', 64),
          col.str('kind', 8),
          col.str('version', 16),
          col.date('versionDate'),
          col.str('filedBy', 64),
          col.instant('createdAt'),
        ],
        { uniqueIndices: [['uq_item_guide_version', ['itemCode', 'kind', 'version']]] },
      ),
    );
    await q.createTable(
      table(
        'mail_item',
        [
          col.id(),
          col.str('no', 16),
          col.date('date'),
          col.str('direction', 4),
          col.str('caseNo', 16),
          col.str('platformNo', 64, true),
          col.str('itemName', 128, true),
          col.str('departmentCode', 16, true),
          col.str('contactName', 64, true),
          col.str('contactPhone', 32, true),
          col.text('address', true),
          col.str('emsNo', 32, true),
          col.str('windowNumber', 8, true),
          col.str('handler', 64),
          col.json('handovers'),
          col.int('receiptAttachmentId', true),
          col.bool('eligible'),
          col.instant('smsAt', true),
          col.instant('sentAt', true),
          col.str('checkResult', 4, true),
          col.text('checkNote', true),
          col.str('checkedBy', 64, true),
          col.str('deductionNo', 16, true),
          col.int('repayYuan', true),
          col.str('status', 8),
          col.instant('createdAt'),
          col.instant('updatedAt'),
        ],
        {
          indices: [
            ['ix_mail_item_case', ['caseNo']],
            ['ix_mail_item_date', ['date']],
          ],
          uniqueIndices: [['uq_mail_item_no', ['no']]],
        },
      ),
    );
    await q.createTable(
      table(
        'mail_sample',
        [col.id(), col.str('month', 7), col.str('windowKey', 16), col.str('mailNo', 16), col.instant('drawnAt')],
        { uniqueIndices: [['uq_mail_sample', ['month', 'mailNo']]] },
      ),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('mail_sample');
    await q.dropTable('mail_item');
    await q.dropTable('item_guide');
    await q.dropTable('item_change');
  }
}
