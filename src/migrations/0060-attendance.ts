import type { MigrationInterface, QueryRunner } from 'typeorm';
import { col, table } from './helpers';

/** 考勤 (ATT-01, ATT-02): the 考勤系统 mirror; 延时服务 log (SUS-05, CAS-17). */
export class Attendance1790000000060 implements MigrationInterface {
  name = 'Attendance1790000000060';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      table(
        'attendance_day',
        [
          col.id(),
          col.str('userid', 64),
          col.date('date'),
          col.str('signIn', 5, true),
          col.str('signOut', 5, true),
          col.instant('importedAt'),
          col.str('importedBy', 64),
        ],
        { indices: [['ix_attendance_day_date', ['date']]], uniques: [['uq_attendance_day', ['userid', 'date']]] },
      ),
    );
    await q.createTable(
      table(
        'service_extension',
        [
          col.id(),
          col.date('date'),
          col.str('windowNumber', 16),
          col.str('departmentCode', 16, true),
          col.str('endTime', 5),
          col.int('served'),
          col.str('peakPlanNo', 24, true),
          col.str('recordedBy', 64),
          col.instant('createdAt'),
          col.instant('updatedAt'),
        ],
        {
          indices: [['ix_service_extension_dept', ['departmentCode', 'date']]],
          uniques: [['uq_service_extension', ['date', 'windowNumber']]],
        },
      ),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('service_extension');
    await q.dropTable('attendance_day');
  }
}
