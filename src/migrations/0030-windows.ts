import type { MigrationInterface, QueryRunner } from 'typeorm';
import { col, table } from './helpers';

/** [windows] WIN-01…WIN-13, SUS-01…SUS-10: closures, changes, device tasks, peak plans, suspensions, seasonal plans. */
export class Windows1790000000030 implements MigrationInterface {
  name = 'Windows1790000000030';

  async up(q: QueryRunner): Promise<void> {
    const audit = [col.str('createdBy', 64), col.instant('createdAt')];
    await q.createTable(
      table(
        'window_closure',
        [
          col.id(),
          col.str('no', 24),
          col.str('type', 8),
          col.str('departmentCode', 16),
          col.json('windows'),
          col.date('fromDate'),
          col.date('toDate', true),
          col.text('reason'),
          col.text('proofNote', true),
          col.json('measures', true),
          col.bool('noLimitDeclared'),
          col.text('overrideReason', true),
          col.json('softReasons', true),
          col.str('status', 12),
          col.str('approvalNo', 16, true),
          col.instant('filedAt', true),
          col.instant('decidedAt', true),
          col.date('restoredOn', true),
          col.str('reclaimDecision', 8, true),
          col.instant('resumeOrderedAt', true),
          col.text('resumeNote', true),
          col.instant('resumeAckAt', true),
          ...audit,
        ],
        {
          indices: [['ix_window_closure_dept', ['departmentCode', 'status']]],
          uniqueIndices: [['uq_window_closure_no', ['no']]],
        },
      ),
    );
    await q.createTable(
      table(
        'window_change',
        [
          col.id(),
          col.str('no', 24),
          col.str('departmentCode', 16),
          col.str('changeType', 4),
          col.json('windows'),
          col.date('startDate'),
          col.date('endDate', true),
          col.text('business'),
          col.text('equipment', true),
          col.text('reason', true),
          col.text('softReason', true),
          col.str('status', 12),
          col.str('approvalNo', 16, true),
          col.instant('filedAt', true),
          col.instant('doneAt', true),
          ...audit,
        ],
        { uniqueIndices: [['uq_window_change_no', ['no']]] },
      ),
    );
    await q.createTable(
      table(
        'device_task',
        [
          col.id(),
          col.str('no', 16),
          col.str('subjectType', 32),
          col.str('subjectId', 32),
          col.json('windows'),
          col.str('item', 16),
          col.str('purpose', 8),
          col.str('status', 8),
          col.str('doneBy', 64, true),
          col.instant('doneAt', true),
          col.text('note', true),
          col.instant('createdAt'),
        ],
        {
          indices: [['ix_device_task_subject', ['subjectType', 'subjectId']]],
          uniqueIndices: [['uq_device_task_no', ['no']]],
        },
      ),
    );
    await q.createTable(
      table(
        'peak_plan',
        [
          col.id(),
          col.str('no', 24),
          col.str('departmentCode', 16),
          col.date('fromDate'),
          col.date('toDate'),
          col.str('reasonType', 8),
          col.text('reason', true),
          col.str('contactName', 32, true),
          col.str('contactPhone', 32, true),
          col.text('staffing', true),
          col.text('publicity', true),
          col.str('techPerson', 64, true),
          col.str('riskOwner', 64, true),
          col.text('orderStaff', true),
          col.text('extendedService', true),
          col.int('dailyCapacity', true),
          col.bool('reportedToParent'),
          col.json('checklist', true),
          col.json('coordination', true),
          col.str('status', 12),
          col.str('approvalNo', 16, true),
          col.instant('filedAt', true),
          col.str('causeClass', 16, true),
          col.text('causeNote', true),
          ...audit,
        ],
        {
          indices: [['ix_peak_plan_dept', ['departmentCode', 'status']]],
          uniqueIndices: [['uq_peak_plan_no', ['no']]],
        },
      ),
    );
    await q.createTable(
      table(
        'suspension',
        [
          col.id(),
          col.str('no', 24),
          col.str('departmentCode', 16),
          col.json('windows'),
          col.date('fromDate'),
          col.date('toDate'),
          col.text('reason'),
          col.str('docNo', 64, true),
          col.json('consultants', true),
          col.str('contactName', 32, true),
          col.str('contactPhone', 32, true),
          col.text('workPlan', true),
          col.text('remark', true),
          col.str('status', 12),
          col.str('approvalNo', 16, true),
          col.instant('filedAt', true),
          col.instant('publicityAt', true),
          col.text('publicityNote', true),
          col.instant('notifiedAt', true),
          col.str('causeClass', 16, true),
          col.text('causeNote', true),
          ...audit,
        ],
        {
          indices: [['ix_suspension_dept', ['departmentCode', 'status']]],
          uniqueIndices: [['uq_suspension_no', ['no']]],
        },
      ),
    );
    await q.createTable(
      table(
        'seasonal_plan',
        [
          col.id(),
          col.str('departmentCode', 16),
          col.int('year'),
          col.json('windows'),
          col.text('periods'),
          col.str('contact', 64, true),
          col.text('note', true),
          col.instant('filedAt'),
          col.bool('late'),
          col.text('lateReason', true),
          col.str('deductionNo', 16, true),
          col.str('createdBy', 64),
        ],
        { uniqueIndices: [['uq_seasonal_plan', ['departmentCode', 'year']]] },
      ),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['seasonal_plan', 'suspension', 'peak_plan', 'device_task', 'window_change', 'window_closure'])
      await q.dropTable(t);
  }
}
