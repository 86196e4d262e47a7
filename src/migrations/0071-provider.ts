import type { MigrationInterface, QueryRunner } from 'typeorm';
import { col, table } from './helpers';

/** 综合一窗服务商 考核 (PRF-01…09): monthly scores and the 考核小组's weekly checks, feedback and termination grounds. */
export class Provider1790000000071 implements MigrationInterface {
  name = 'Provider1790000000071';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      table(
        'provider_score',
        [
          col.id(),
          col.str('month', 7),
          col.int('scoreTenths'),
          col.str('band', 8),
          col.int('deductionPercent'),
          col.int('feeFen', true),
          col.json('items', true),
          col.str('status', 8),
          col.text('disputeReason', true),
          col.str('decidedBy', 64, true),
          col.str('enteredBy', 64),
          col.instant('enteredAt'),
        ],
        { uniqueIndices: [['uq_provider_score_month', ['month']]] },
      ),
    );
    await q.createTable(
      table(
        'provider_event',
        [
          col.id(),
          col.str('kind', 8),
          col.str('period', 16),
          col.int('ground', true),
          col.text('note'),
          col.str('status', 8, true),
          col.str('by', 64),
          col.instant('at'),
        ],
        { uniques: [['uq_provider_event', ['kind', 'period']]] },
      ),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('provider_event');
    await q.dropTable('provider_score');
  }
}
