import type { MigrationInterface, QueryRunner } from 'typeorm';
import { col, table } from './helpers';

/** [spine] tables: inbox, outbox, audit, jobs, approvals, directory, settings, counters. */
export class Spine1790000000001 implements MigrationInterface {
  name = 'Spine1790000000001';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      table(
        'inbox',
        [
          col.id(),
          col.str('dedupeKey', 191),
          col.str('userid', 64),
          col.str('kind', 48),
          col.json('payload'),
          col.str('status', 16),
          col.int('attempts', false, 0),
          col.text('error', true),
          col.str('errorRef', 16, true),
          col.instant('leaseUntil', true),
          col.instant('receivedAt'),
          col.instant('processedAt', true),
        ],
        { indices: [['ix_inbox_status', ['status', 'id']]], uniqueIndices: [['uq_inbox_dedupeKey', ['dedupeKey']]] },
      ),
    );
    await q.createTable(
      table(
        'outbox',
        [
          col.id(),
          col.str('dedupeKey', 191),
          col.str('targetKind', 8),
          col.str('target', 1024),
          col.str('msgType', 24),
          col.json('body'),
          col.str('status', 12),
          col.int('attempts', false, 0),
          col.instant('nextAttemptAt'),
          col.instant('leaseUntil', true),
          col.text('lastError', true),
          col.json('response', true),
          col.instant('createdAt'),
          col.instant('sentAt', true),
        ],
        {
          indices: [['ix_outbox_due', ['status', 'nextAttemptAt']]],
          uniqueIndices: [['uq_outbox_dedupeKey', ['dedupeKey']]],
        },
      ),
    );
    await q.createTable(
      table(
        'audit_log',
        [
          col.id(),
          col.instant('at'),
          col.str('actor', 64),
          col.str('action', 64),
          col.str('subjectType', 32),
          col.str('subjectId', 64),
          col.json('detail', true),
        ],
        { indices: [['ix_audit_subject', ['subjectType', 'subjectId']]] },
      ),
    );
    await q.createTable(
      table(
        'job_runs',
        [
          col.id(),
          col.str('job', 64),
          col.str('period', 32),
          col.int('attempt', false, 1),
          col.str('status', 24),
          col.instant('scheduledFor'),
          col.instant('startedAt'),
          col.instant('finishedAt', true),
          col.json('counts', true),
          col.text('error', true),
        ],
        { uniques: [['uq_job_runs', ['job', 'period', 'attempt']]] },
      ),
    );
    await q.createTable(
      table(
        'approval',
        [
          col.id(),
          col.str('no', 16),
          col.str('kind', 48),
          col.str('subjectType', 32),
          col.str('subjectId', 64),
          col.str('openKey', 128, true),
          col.str('status', 12),
          col.int('step'),
          col.str('requester', 64),
          col.str('departmentCode', 16, true),
          col.str('title', 128),
          col.json('payload'),
          col.instant('createdAt'),
          col.instant('finishedAt', true),
          col.text('reason', true),
        ],
        {
          uniqueIndices: [
            ['uq_approval_no', ['no']],
            ['uq_approval_openKey', ['openKey']],
          ],
        },
      ),
    );
    await q.createTable(
      table(
        'approval_step',
        [
          col.id(),
          col.int('approvalId'),
          col.int('idx'),
          col.str('label', 48),
          col.json('approvers'),
          col.str('status', 12),
          col.str('decidedBy', 64, true),
          col.str('onBehalfOf', 64, true),
          col.instant('decidedAt', true),
          col.text('reason', true),
          col.str('taskId', 128, true),
          col.instant('activatedAt', true),
          col.int('reminders', false, 0),
          col.json('extra', true),
        ],
        { uniques: [['uq_approval_step', ['approvalId', 'idx']]] },
      ),
    );
    await q.createTable(
      table('department', [
        col.key('code', 16),
        col.str('name', 64),
        col.str('parentUnit', 64, true),
        col.str('chiefRep', 64, true),
        col.str('deptLeaderName', 32, true),
        col.str('deptLeaderPhone', 32, true),
        col.str('deptLeaderUserid', 64, true),
        col.str('contactName', 32, true),
        col.str('contactPhone', 32, true),
        col.bool('inactive'),
      ]),
    );
    await q.createTable(
      table('window', [
        col.key('number', 16),
        col.str('name', 64),
        col.str('departmentCode', 16, true),
        col.str('zone', 16, true),
        col.int('floor', true),
        col.str('kind', 32, true),
        col.str('status', 8),
        col.date('statusUntil', true),
        col.json('devices', true),
      ]),
    );
    await q.createTable(
      table('person', [
        col.key('userid', 64),
        col.str('name', 32),
        col.str('departmentCode', 16, true),
        col.str('windowNumber', 16, true),
        col.json('flags', true),
        col.str('abPartner', 64, true),
        col.date('stationedSince', true),
        col.str('phone', 32, true),
        { ...col.str('status', 8), default: "'在岗'" },
        col.bool('inactive'),
      ]),
    );
    await q.createTable(
      table('person_role', [col.id(), col.str('userid', 64), col.str('role', 16)], {
        uniques: [['uq_person_role', ['userid', 'role']]],
      }),
    );
    await q.createTable(
      table('group_chat', [
        col.key('key', 64),
        col.str('name', 64),
        col.str('chatid', 64, true),
        col.str('webhook', 512, true),
        col.json('members', true),
        col.bool('created'),
      ]),
    );
    await q.createTable(
      table('setting', [col.key('name', 64), col.json('value'), col.str('updatedBy', 64), col.instant('updatedAt')]),
    );
    await q.createTable(table('sequence', [col.key('name', 64), col.int('value')]));
    await q.createTable(
      table(
        'reminder_log',
        [
          col.id(),
          col.str('subject', 64),
          col.str('kind', 48),
          col.int('deadlineVersion'),
          col.str('occurrence', 32),
          col.instant('sentAt'),
        ],
        { uniques: [['uq_reminder_log', ['subject', 'kind', 'deadlineVersion', 'occurrence']]] },
      ),
    );
    await q.createTable(table('rate_counter', [col.key('bucket', 191), col.int('count'), col.int('expiresMinute')]));
    await q.createTable(
      table('delegation', [
        col.id(),
        col.str('principal', 64),
        col.str('delegate', 64),
        col.date('fromDate'),
        col.date('toDate'),
        col.str('createdBy', 64),
        col.instant('createdAt'),
      ]),
    );
    await q.createTable(
      table(
        'attachment',
        [
          col.id(),
          col.str('ownerType', 32),
          col.str('ownerId', 64),
          col.str('purpose', 32),
          col.str('sha256', 64),
          col.str('mediaType', 16),
          col.int('size'),
          col.str('uploadedBy', 64),
          col.instant('at'),
        ],
        { indices: [['ix_attachment_owner', ['ownerType', 'ownerId']]] },
      ),
    );
    await q.createTable(
      table('attachment_slot', [
        col.key('userid', 64),
        col.str('ownerType', 32),
        col.str('ownerId', 64),
        col.str('purpose', 32),
        col.instant('expiresAt'),
      ]),
    );
    await q.createTable(
      table('chat_state', [col.key('userid', 64), col.key('kind', 24), col.json('data'), col.instant('expiresAt')]),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of [
      'chat_state',
      'attachment_slot',
      'attachment',
      'delegation',
      'rate_counter',
      'reminder_log',
      'sequence',
      'setting',
      'group_chat',
      'person_role',
      'person',
      'window',
      'department',
      'approval_step',
      'approval',
      'job_runs',
      'audit_log',
      'outbox',
      'inbox',
    ])
      await q.dropTable(t);
  }
}
