import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';
import { col } from './helpers';

/**
 * D38 / WIN-06: a device task carries the day the change is to be made (a closure's first day, a reopening's
 * date), so the office is not asked to switch screens at approval.
 */
export class DeviceTaskDue1790000000031 implements MigrationInterface {
  name = 'DeviceTaskDue1790000000031';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn('device_task', new TableColumn(col.date('dueOn', true)));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('device_task', 'dueOn');
  }
}
