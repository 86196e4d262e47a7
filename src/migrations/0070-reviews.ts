import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';
import { col, table } from './helpers';

/** 好差评 (REV-01…03, REV-06): imported ratings, 差评 records, and a rectification's 长效机制/解释 (CMP-21). */
export class Reviews1790000000070 implements MigrationInterface {
  name = 'Reviews1790000000070';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      table(
        'rating',
        [
          col.id(),
          col.str('ratingKey', 64),
          col.instant('ratedAt'),
          col.date('ratedDate'),
          col.str('caseRef', 40, true),
          col.str('itemName', 128, true),
          col.str('departmentCode', 16),
          col.str('windowNumber', 16, true),
          col.str('staffUserid', 64, true),
          col.str('staffName', 32, true),
          col.str('level', 8),
          col.str('channel', 16, true),
          col.text('comment', true),
          col.str('reviewNo', 16, true),
          col.str('importedBy', 64),
          col.instant('importedAt'),
        ],
        {
          uniqueIndices: [['uq_rating_key', ['ratingKey']]],
          indices: [['ix_rating_dept_date', ['departmentCode', 'ratedDate']]],
        },
      ),
    );
    await q.createTable(
      table(
        'bad_review',
        [
          col.id(),
          col.str('no', 16),
          col.str('ratingKey', 64),
          col.instant('ratedAt'),
          col.str('departmentCode', 16),
          col.str('windowNumber', 16, true),
          col.str('staffUserid', 64, true),
          col.str('staffName', 32, true),
          col.str('level', 8),
          col.text('comment', true),
          col.str('caseRef', 40, true),
          col.int('intakeId', true),
          col.str('status', 8),
          col.str('rectificationNo', 16, true),
          col.str('peakRef', 32, true),
          col.instant('createdAt'),
        ],
        {
          uniqueIndices: [
            ['uq_bad_review_no', ['no']],
            ['uq_bad_review_rating', ['ratingKey']],
          ],
          indices: [['ix_bad_review_dept', ['departmentCode', 'ratedAt']]],
        },
      ),
    );
    await q.addColumns('rectification', [
      new TableColumn(col.text('longTerm', true)),
      new TableColumn(col.text('explanation', true)),
    ]);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('rectification', 'explanation');
    await q.dropColumn('rectification', 'longTerm');
    await q.dropTable('bad_review');
    await q.dropTable('rating');
  }
}
