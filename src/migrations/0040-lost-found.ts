import type { MigrationInterface, QueryRunner } from 'typeorm';
import { col, table } from './helpers';

/** 遗失物品 (LST-01…10, REC-02, REC-09): the 遗失物品登记表, its versions, and 报失 notes. */
export class LostFound1790000000040 implements MigrationInterface {
  name = 'LostFound1790000000040';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      table(
        'lost_item',
        [
          col.id(),
          col.str('no', 16),
          col.str('name', 64),
          col.int('quantity'),
          col.text('features'),
          col.date('foundDate'),
          col.str('foundTime', 5, true),
          col.str('foundPlace', 64),
          col.str('finder', 32, true),
          col.str('receivedBy', 64),
          col.str('intact', 64, true),
          col.str('storage', 32, true),
          col.str('category', 8),
          col.text('ownerInfo', true),
          col.json('contacts'),
          col.date('announcedDate', true),
          col.date('transferDue', true),
          col.date('perishableDue', true),
          col.json('claim', true),
          col.json('disposal', true),
          col.date('cancelledDate', true),
          col.str('cancelledBy', 64, true),
          col.str('status', 8),
          col.date('statusDate'),
          col.int('version'),
          col.instant('createdAt'),
          col.instant('updatedAt'),
          col.str('updatedBy', 64),
        ],
        { indices: [['ix_lost_item_status', ['status']]], uniqueIndices: [['uq_lost_item_no', ['no']]] },
      ),
    );
    await q.createTable(
      table(
        'lost_item_version',
        [
          col.id(),
          col.str('no', 16),
          col.int('version'),
          col.str('action', 16),
          col.json('snapshot'),
          col.str('changedBy', 64),
          col.instant('at'),
        ],
        { uniques: [['uq_lost_item_version', ['no', 'version']]] },
      ),
    );
    await q.createTable(
      table(
        'lost_report',
        [
          col.id(),
          col.text('description'),
          col.str('contact', 64),
          col.str('reportedBy', 64),
          col.instant('createdAt'),
        ],
        { indices: [['ix_lost_report_at', ['createdAt']]] },
      ),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('lost_report');
    await q.dropTable('lost_item_version');
    await q.dropTable('lost_item');
  }
}
