import type { ImportKind } from '../../kernel/import-kind';
import { ATTENDANCE_COLUMNS, attendanceRow, checkAttendance, writeAttendance, type AttendanceRow } from './import';

/** `考勤 导入` / `npm run cli -- import attendance <file>` (ATT-02, D94, D140). */
export const attendanceImport: ImportKind<AttendanceRow> = {
  name: 'attendance',
  label: '考勤',
  columns: ATTENDANCE_COLUMNS,
  row: attendanceRow,
  check: checkAttendance,
  write: writeAttendance,
};
