import type { MigrationInterface, QueryRunner } from 'typeorm';
import { col, table } from './helpers';

/**
 * [supervision]: inspections and findings (INS), rectification and 问效 (ACC), 督查通报 and 约谈 (BRF),
 * 督办 tasks (ACC-02), guides' patrol reports (INS-01) and 003 quarterly reports (BRF-11).
 */
export class Supervision1790000000020 implements MigrationInterface {
  name = 'Supervision1790000000020';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      table(
        'inspection',
        [
          col.id(),
          col.str('no', 16),
          col.date('date'),
          col.str('type', 8),
          col.bool('joint'),
          col.bool('leaderLed'),
          col.str('leaderUserid', 64, true),
          col.str('area', 32, true),
          col.str('floor', 8, true),
          col.str('method', 32, true),
          col.json('participants'),
          col.str('departmentCode', 16, true),
          col.str('status', 8),
          col.instant('startedAt'),
          col.instant('endedAt', true),
          col.str('createdBy', 64),
          col.text('note', true),
        ],
        { indices: [['ix_inspection_date', ['date', 'type']]], uniqueIndices: [['uq_inspection_no', ['no']]] },
      ),
    );
    await q.createTable(
      table(
        'finding',
        [
          col.id(),
          col.str('no', 16),
          col.str('inspectionNo', 16, true),
          col.instant('at'),
          col.date('date'),
          col.str('source', 8),
          col.bool('positive'),
          col.int('item', true),
          col.str('severity', 4, true),
          col.bool('autoTagged'),
          col.str('departmentCode', 16, true),
          col.str('windowNumber', 16, true),
          col.str('staffUserid', 64, true),
          col.str('area', 16, true),
          col.text('description'),
          col.text('action', true),
          col.str('status', 8),
          col.str('recorder', 64),
          col.text('disputeReason', true),
          col.str('disputedBy', 64, true),
          col.instant('disputedAt', true),
          col.str('decidedBy', 64, true),
          col.instant('decidedAt', true),
          col.text('decisionNote', true),
          col.str('confirmedBy', 64, true),
          col.instant('confirmedAt', true),
          col.int('patrolReportId', true),
        ],
        {
          indices: [
            ['ix_finding_date', ['date']],
            ['ix_finding_dept', ['departmentCode', 'date']],
          ],
          uniqueIndices: [['uq_finding_no', ['no']]],
        },
      ),
    );
    await q.createTable(
      table(
        'patrol_report',
        [
          col.id(),
          col.str('area', 32),
          col.text('description'),
          col.str('reporter', 64),
          col.instant('at'),
          col.str('status', 8),
          col.str('findingNo', 16, true),
          col.str('handledBy', 64, true),
          col.instant('handledAt', true),
          col.text('note', true),
        ],
        { indices: [['ix_patrol_report_status', ['status']]] },
      ),
    );
    await q.createTable(
      table(
        'rectification',
        [
          col.id(),
          col.str('no', 16),
          col.str('source', 32),
          col.str('sourceType', 12),
          col.str('departmentCode', 16, true),
          col.str('responsible', 64),
          col.str('issuedBy', 64),
          col.instant('issuedAt'),
          col.str('status', 8),
          col.str('verdict', 8, true),
          col.text('requirement', true),
          col.text('planContent', true),
          col.text('planMeasures', true),
          col.date('planDeadline', true),
          col.str('planOwner', 64, true),
          col.instant('planAt', true),
          col.text('result', true),
          col.instant('completedAt', true),
          col.str('acceptedBy', 64, true),
          col.instant('acceptedAt', true),
          col.text('acceptNote', true),
          col.int('failedChecks'),
        ],
        {
          indices: [
            ['ix_rectification_source', ['source']],
            ['ix_rectification_dept', ['departmentCode', 'status']],
          ],
          uniqueIndices: [['uq_rectification_no', ['no']]],
        },
      ),
    );
    await q.createTable(
      table(
        'rectification_progress',
        [
          col.id(),
          col.str('rectificationNo', 16),
          col.int('seq'),
          col.date('date'),
          col.instant('at'),
          col.text('text'),
          col.str('by', 64),
        ],
        { indices: [['ix_rectification_progress_no', ['rectificationNo']]] },
      ),
    );
    await q.createTable(
      table(
        'notice',
        [
          col.id(),
          col.str('periodKey', 48),
          col.str('no', 32, true),
          col.int('year', true),
          col.int('seq', true),
          col.str('type', 4),
          col.str('title', 128),
          col.date('forDate', true),
          col.str('month', 7, true),
          col.date('coversFrom', true),
          col.date('coversTo', true),
          col.str('departmentCode', 16, true),
          col.str('status', 8),
          col.str('approvalNo', 16, true),
          col.json('content'),
          col.text('text'),
          col.int('criticism'),
          col.int('praise'),
          col.str('drafter', 64),
          col.str('approver', 64, true),
          col.instant('approvedAt', true),
          col.instant('publishedAt', true),
          col.str('scope', 128, true),
          col.instant('createdAt'),
        ],
        {
          indices: [['ix_notice_year', ['year', 'type']]],
          uniqueIndices: [
            ['uq_notice_period', ['periodKey']],
            ['uq_notice_no', ['no']],
          ],
        },
      ),
    );
    await q.createTable(
      table(
        'talk',
        [
          col.id(),
          col.str('month', 7),
          col.str('departmentCode', 16),
          col.str('target', 8),
          col.str('status', 8),
          col.date('deadline'),
          col.text('reasons'),
          col.json('evidence'),
          col.instant('proposedAt', true),
          col.str('confirmedBy', 64, true),
          col.instant('confirmedAt', true),
          col.date('talkDate', true),
          col.str('talkers', 128, true),
          col.str('targetName', 64, true),
          col.text('opinions', true),
          col.text('requirements', true),
          col.date('requirementDue', true),
          col.str('drafter', 64, true),
          col.str('approver', 64, true),
          col.instant('approvedAt', true),
          col.str('approvalNo', 16, true),
          col.str('noticeNo', 32, true),
          col.str('rectificationNo', 16, true),
          col.bool('late'),
        ],
        { uniqueIndices: [['uq_talk_subject', ['month', 'departmentCode', 'target']]] },
      ),
    );
    await q.createTable(
      table(
        'accountability',
        [
          col.id(),
          col.str('no', 16),
          col.str('event', 8),
          col.str('measure', 8, true),
          col.str('subjectType', 12),
          col.str('subjectId', 64),
          col.str('departmentCode', 16, true),
          col.str('source', 32, true),
          col.text('note', true),
          col.str('status', 8),
          col.str('createdBy', 64),
          col.instant('createdAt'),
          col.text('outcomeNote', true),
          col.str('outcomeBy', 64, true),
          col.instant('outcomeAt', true),
        ],
        { indices: [['ix_accountability_source', ['source']]], uniqueIndices: [['uq_accountability_no', ['no']]] },
      ),
    );
    await q.createTable(
      table(
        'appeal',
        [
          col.id(),
          col.str('source', 32),
          col.str('departmentCode', 16, true),
          col.str('by', 64),
          col.text('reason'),
          col.instant('at'),
          col.str('status', 8),
          col.str('decidedBy', 64, true),
          col.instant('decidedAt', true),
          col.text('note', true),
        ],
        { indices: [['ix_appeal_source', ['source']]] },
      ),
    );
    await q.createTable(
      table(
        'key_task',
        [
          col.id(),
          col.str('no', 16),
          col.text('content'),
          col.str('owner', 64),
          col.str('departmentCode', 16, true),
          col.date('dueDate'),
          col.str('status', 8),
          col.str('createdBy', 64),
          col.instant('createdAt'),
          col.instant('completedAt', true),
          col.str('completedBy', 64, true),
        ],
        { uniqueIndices: [['uq_key_task_no', ['no']]] },
      ),
    );
    await q.createTable(
      table(
        'progress_report',
        [
          col.id(),
          col.int('year'),
          col.int('quarter'),
          col.str('departmentCode', 16),
          col.text('note'),
          col.date('dueDate'),
          col.bool('late'),
          col.str('reportedBy', 64),
          col.instant('reportedAt'),
        ],
        { indices: [['ix_progress_report_quarter', ['year', 'quarter', 'departmentCode']]] },
      ),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of [
      'progress_report',
      'key_task',
      'appeal',
      'accountability',
      'talk',
      'notice',
      'rectification_progress',
      'rectification',
      'patrol_report',
      'finding',
      'inspection',
    ]) {
      await q.dropTable(t);
    }
  }
}
