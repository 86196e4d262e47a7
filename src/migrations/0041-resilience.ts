import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';
import { col, table } from './helpers';

/**
 * [resilience]: sliding-window send log (D34), an uploaded media_id kept on the outbox row so a retry does not
 * upload again, and a lease on job runs so a run interrupted by a crash is retried instead of blocking its period.
 */
export class Resilience1790000000041 implements MigrationInterface {
  name = 'Resilience1790000000041';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      table('rate_send', [col.id(), col.str('scope', 191), col.instant('arrivedBy')], {
        indices: [['ix_rate_send_scope', ['scope', 'arrivedBy']]],
      }),
    );
    // Old calendar-minute buckets mean nothing to the sliding windows.
    await q.query('DELETE FROM rate_counter');
    await q.addColumn('outbox', new TableColumn(col.str('mediaId', 128, true)));
    await q.addColumn('job_runs', new TableColumn(col.instant('leaseUntil', true)));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('job_runs', 'leaseUntil');
    await q.dropColumn('outbox', 'mediaId');
    await q.dropTable('rate_send');
  }
}
