import type { MigrationInterface, QueryRunner } from 'typeorm';
import { col, table } from './helpers';

/** 综窗 services (CAS-03/04/20/23 咨询登记, CAS-17 预约, CAS-21 帮您办). */
export class Consult1790000000053 implements MigrationInterface {
  name = 'Consult1790000000053';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      table(
        'consultation',
        [
          col.id(),
          col.str('no', 16),
          col.str('kind', 8),
          col.str('channel', 8),
          col.text('question'),
          col.str('outcome', 8, true),
          col.str('guidedTo', 64, true),
          col.str('unit', 64, true),
          col.str('address', 128, true),
          col.str('contact', 64, true),
          col.str('firstResponder', 64),
          col.str('departmentCode', 16, true),
          col.str('status', 8),
          col.date('answerDue', true),
          col.text('answer', true),
          col.instant('answeredAt', true),
          col.str('answeredBy', 64, true),
          col.bool('callback'),
          col.str('expertDept', 16, true),
          col.str('expertWindow', 8, true),
          col.instant('ackAt', true),
          col.str('ackBy', 64, true),
          col.instant('createdAt'),
        ],
        {
          indices: [['ix_consultation_status', ['status']]],
          uniqueIndices: [['uq_consultation_no', ['no']]],
        },
      ),
    );
    await q.createTable(
      table(
        'appointment',
        [
          col.id(),
          col.date('date'),
          col.str('time', 5),
          col.str('item', 64),
          col.str('applicant', 64),
          col.str('phone', 32, true),
          col.str('departments', 64),
          col.bool('restDay'),
          col.str('coordinator', 16, true),
          col.text('note', true),
          col.str('status', 8),
          col.str('createdBy', 64),
          col.instant('createdAt'),
        ],
        { indices: [['ix_appointment_date', ['date']]] },
      ),
    );
    await q.createTable(
      table(
        'helpdesk_project',
        [
          col.id(),
          col.str('no', 16),
          col.str('project', 128),
          col.str('category', 8),
          col.str('applicant', 64, true),
          col.str('assignee', 64, true),
          col.json('steps'),
          col.str('status', 8),
          col.text('terminationReason', true),
          col.str('createdBy', 64),
          col.instant('createdAt'),
        ],
        { uniqueIndices: [['uq_helpdesk_project_no', ['no']]] },
      ),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('helpdesk_project');
    await q.dropTable('appointment');
    await q.dropTable('consultation');
  }
}
