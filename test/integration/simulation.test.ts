import { In, Like, type EntityManager } from 'typeorm';
import { beforeAll, describe, expect, it } from 'vitest';
import { Approval } from '../../entities/approval';
import { AuditLog } from '../../entities/audit-log';
import { PersonRole } from '../../entities/person-role';
import { AwardFlag } from '../../entities/award-flag';
import { AwardNomination } from '../../entities/award-nomination';
import { ApprovalStep } from '../../entities/approval-step';
import { Consultation } from '../../entities/consultation';
import { LeaveRequest } from '../../entities/leave-request';
import { MailItem } from '../../entities/mail-item';
import { InboxRow } from '../../entities/inbox';
import { OutboxRow } from '../../entities/outbox';
import { JobRun } from '../../entities/job-run';
import { Notice } from '../../entities/notice';
import { Person } from '../../entities/person';
import { ReminderLog } from '../../entities/reminder-log';
import { ServiceCase } from '../../entities/case';
import { StaffRecord } from '../../entities/staff-record';
import { Talk } from '../../entities/talk';
import { WindowClosure } from '../../entities/window-closure';
import { insertRows } from '../../src/db';
import type { FakeWecomState, FeedItem } from '../../src/fake-wecom';
import { instantAt, localDate } from '../../src/kernel/time';
import { INVARIANTS } from '../../src/simulation/invariants/index';
import { Deadline } from '../../entities/deadline';
import { BadReview } from '../../entities/bad-review';
import { ProviderEvent } from '../../entities/provider-event';
import { ComplaintIntake } from '../../entities/complaint-intake';
import { SUBJECT as COMPLAINT_SUBJECT } from '../../src/domain/complaints/model';
import { ShortAbsence } from '../../entities/short-absence';
import type { Invariant, InvariantResult, SimFacts } from '../../src/simulation/invariants/types';
import { runSimulation } from '../../src/simulation/run';
import { LEDGERS } from '../../src/tables';
import type { SimReport } from '../../src/simulation/report';
import { freshDatabaseUrl } from '../helpers/db';

// D69: a small-scale March 2026 runs through the whole bot (signed callbacks, card clicks,
// every job fired by the sandbox clock, D36) with every invariant passing; then each invariant is shown to catch a
// violation planted in the finished month (inside a transaction that is rolled back, so the plants never mix).

const byName = (name: string): Invariant => INVARIANTS.find((i) => i.name === name)!;

/** A planted violation: change the finished month (in a rolled-back transaction) or the facts, then check. */
interface Plant {
  invariant: string;
  plant(m: EntityManager, f: SimFacts): Promise<SimFacts | void>;
}

const PLANTS: Plant[] = [
  {
    // a 首席代表's export of a centre-only ledger, unmasked, all departments, with no file delivered (REC-07, D227)
    invariant: '台账 exports audited, delivered once, masked and scoped',
    async plant(m, f) {
      const chief = await m.findOneOrFail(PersonRole, { where: { role: 'chief_rep' }, order: { id: 'ASC' } });
      await insertRows(m, AuditLog, {
        at: f.end,
        actor: chief.userid,
        action: 'ledger.export',
        subjectType: 'ledger',
        subjectId: '投诉台账',
        detail: { unmasked: true, department: null },
      });
    },
  },
  {
    // a closure whose 事由 was typed at the length of a report: its 附件2 no longer fits one page (REC-08, D219)
    invariant: 'filed forms print, one page where the seed form is one page',
    async plant(m) {
      const one = await m.findOneOrFail(WindowClosure, { where: {}, order: { id: 'ASC' } });
      await m.update(WindowClosure, { id: one.id }, { reason: '因业务培训临时关闭窗口，'.repeat(300) });
    },
  },
  {
    // a mailed result closed without its 快递存单, and an entry naming no case (MAIL-02/04, D211)
    invariant: '邮寄台账 entries tied to a case, closed with 存单',
    async plant(m) {
      const one = await m.findOneOrFail(MailItem, { where: { status: '已寄出' } });
      await m.update(MailItem, { id: one.id }, { receiptAttachmentId: null });
      await insertRows(m, MailItem, { ...one, id: undefined, no: 'YJ2026-9999', caseNo: 'AJ2026-99999' });
    },
  },
  {
    // a case delivered on time but flagged 超期 (D106)
    invariant: '办件 clocks consistent',
    async plant(m) {
      const one = await m.findOneOrFail(ServiceCase, { where: { status: '已出件', closedOverdue: false } });
      await m.update(ServiceCase, { id: one.id }, { closedOverdue: true });
    },
  },
  {
    // a broken reminder key (the time in the occurrence) claims the same daily reminder twice
    invariant: 'reminders at most once',
    async plant(m) {
      for (const occurrence of ['2026-03-10', '2026-03-10T09:00']) {
        await insertRows(m, ReminderLog, {
          subject: 'deadline:999',
          kind: 'overdue',
          deadlineVersion: 1,
          occurrence,
          sentAt: instantAt('2026-03-10', '09:00'),
        });
      }
    },
  },
  {
    // an overdue complaint whose reminder of one WD went missing
    invariant: 'overdue reminded each WD, no other day',
    async plant(m) {
      // the first overdue reminder of a complaint clock (other domains' clocks remind under the same kind)
      const clocks = await m.find(Deadline, { where: { subjectType: COMPLAINT_SUBJECT } });
      const one = await m.findOneOrFail(ReminderLog, {
        where: { kind: 'overdue', subject: In(clocks.map((d) => `deadline:${d.id}`)) },
        order: { id: 'ASC' },
      });
      await m.delete(ReminderLog, { id: one.id });
    },
  },
  {
    invariant: 'nothing from a WD-only job on a non-WD',
    async plant(m) {
      const at = instantAt('2026-03-07', '09:00'); // Saturday
      await insertRows(m, JobRun, {
        job: 'complaint-deadlines',
        period: 'planted',
        attempt: 1,
        status: 'ok',
        scheduledFor: at,
        startedAt: at,
      });
    },
  },
  {
    // one WD without its 口头通报
    invariant: 'one 口头通报 per WD, consecutive numbers',
    async plant(m) {
      await m.update(Notice, { periodKey: '口头:2026-03-10' }, { status: '已驳回' });
    },
  },
  {
    invariant: '书面通报 by the 15th or flagged late',
    async plant(m) {
      await m.update(Notice, { periodKey: '书面:2026-02' }, { publishedAt: instantAt('2026-03-20', '10:00') });
    },
  },
  {
    invariant: '约谈 handled by the 10th or escalated',
    async plant(m) {
      await insertRows(m, Talk, {
        month: '2026-02',
        departmentCode: 'GA',
        target: '首席代表',
        status: '已确认',
        deadline: '2026-03-10',
        reasons: 'planted',
        evidence: {} as never,
        late: false,
      });
    },
  },
  {
    // an approved closure whose filing came after the 17:30 cut-off of the WD before
    invariant: 'approved closures pass WIN-04/05',
    async plant(m) {
      const c = await m.findOneOrFail(WindowClosure, {
        where: { status: In(['approved', 'ended']) },
        order: { id: 'ASC' },
      });
      await m.update(WindowClosure, { id: c.id }, { filedAt: instantAt(c.fromDate, '08:00') });
    },
  },
  {
    // an approved closure whose staff's 出差 was cancelled and which gave no 理由= (WIN-03, D212)
    invariant: 'approved closures show their WIN-03 ground',
    async plant(m) {
      const c = await m.findOneOrFail(WindowClosure, {
        where: { type: '临时关闭', status: In(['approved', 'ended']) },
        order: { id: 'ASC' },
      });
      await m.update(WindowClosure, { id: c.id }, { softReasons: null });
      await m.update(LeaveRequest, { windowNumber: In(c.windows) }, { status: 'cancelled' });
    },
  },
  {
    invariant: 'zero rate-limit drops at the fake',
    plant(_m, f) {
      const dropped = { id: 0, channel: 'dm', dropped: true, droppedFor: ['lisi'] } as unknown as FeedItem;
      const fake = { feedLog: { all: () => [...f.fake.feedLog.all(), dropped] }, calls: f.fake.calls };
      return Promise.resolve({ ...f, fake: fake as unknown as FakeWecomState });
    },
  },
  {
    invariant: 'zero failed inbox (and outbox) rows',
    async plant(m) {
      const row = await m.findOneOrFail(InboxRow, { where: {}, order: { id: 'ASC' } });
      await m.update(InboxRow, { id: row.id }, { status: 'failed', error: 'planted' });
    },
  },
  {
    // a step waiting since Monday 3/2 that no 09:30 run reminded
    invariant: 'approvals decided or reminded (D17)',
    async plant(m) {
      const a = await m.findOneOrFail(Approval, { where: {}, order: { id: 'ASC' } });
      await insertRows(m, ApprovalStep, {
        approvalId: a.id,
        idx: 99,
        label: 'planted',
        approvers: ['zhao'],
        status: 'pending',
        activatedAt: instantAt('2026-03-02', '10:00'),
      });
    },
  },
  {
    // the 08:45 job's DM about a day delivered twice (a per-run rather than per-day outbox key)
    invariant: 'attendance reminders at most once, on WDs',
    plant(_m, f) {
      const first = f.fake.feedLog.all().find((i) => (i.text ?? '').startsWith('【考勤提醒】'));
      if (!first) throw new Error('the month has no 考勤提醒 to repeat');
      const again: FeedItem = { ...first, id: 0 };
      const fake = { feedLog: { all: () => [...f.fake.feedLog.all(), again] }, calls: f.fake.calls };
      return Promise.resolve({ ...f, fake: fake as unknown as FakeWecomState });
    },
  },
  {
    // an SX list update reported late on a Saturday, before it was even due
    invariant: 'SX late reports only when late, on WDs, once a day',
    async plant(m) {
      await insertRows(m, ReminderLog, {
        subject: 'SX2026-0999',
        kind: 'sx-overdue',
        deadlineVersion: 1,
        occurrence: '2026-03-07',
        sentAt: instantAt('2026-03-07', '09:00'),
      });
    },
  },
  {
    // a 暂离 that ran 20 minutes but was never flagged 超时离岗 (ATT-03, OPEN #34)
    invariant: '暂离 flagged once, exactly when over the limit',
    async plant(m) {
      const a = await m.findOneOrFail(ShortAbsence, {
        where: { overtime: false, status: '已回岗' },
        order: { id: 'ASC' },
      });
      await m.update(ShortAbsence, { id: a.id }, { endedAt: new Date(a.startedAt!.getTime() + 20 * 60_000) });
    },
  },
  {
    // an answer reminder queued after the question was answered (a reminder that did not stop on 咨询 答复)
    invariant: '咨询 reminders once, on WDs, only while open',
    async plant(m) {
      const c = await m.findOneOrFail(Consultation, { where: { status: '已答复' }, order: { id: 'ASC' } });
      const at = new Date(c.answeredAt!.getTime() + 3600_000);
      await insertRows(m, OutboxRow, {
        dedupeKey: `consult:${c.no}:overdue:v9:${localDate(at)}`,
        targetKind: 'user',
        target: c.firstResponder,
        msgType: 'text',
        body: { text: { content: 'planted' } },
        status: 'sent',
        attempts: 1,
        nextAttemptAt: at,
        leaseUntil: null,
        lastError: null,
        response: null,
        createdAt: at,
        sentAt: at,
        mediaId: null,
      });
    },
  },
  {
    // a newcomer marked 到岗 whose directory row says otherwise (STF-05)
    invariant: 'staff records match the directory',
    async plant(m) {
      const r = await m.findOneOrFail(StaffRecord, { where: { kind: '入岗', status: 'done' } });
      await m.update(Person, { userid: r.userid! }, { status: '拟入岗' });
    },
  },
  {
    // a 脱岗 flag on a Saturday, with no 销假 reminder before it (ATT-06, D154)
    invariant: '销假 reminder before 脱岗, on WDs, once',
    async plant(m) {
      const r = await m.findOneOrFail(LeaveRequest, {
        where: { status: In(['approved', 'returned']) },
        order: { id: 'ASC' },
      });
      await m.update(LeaveRequest, { id: r.id }, { absentFlaggedOn: '2026-03-07' });
    },
  },
  {
    // an award granted after the department lost its 评优资格 for the year (PRF-17)
    invariant: 'no award to a subject without 评优资格',
    async plant(m) {
      const at = instantAt('2026-03-20', '15:00');
      await insertRows(m, AwardNomination, {
        year: 2026,
        month: '2026-03',
        personUserid: null,
        windowNumber: '99',
        departmentCode: 'PLANT',
        award: '红旗窗口',
        reason: 'planted',
        nominatedBy: 'plant',
        approvalNo: null,
        status: '已授予',
        decidedAt: at,
        createdAt: at,
      });
      await insertRows(m, AwardFlag, {
        year: 2026,
        subjectType: 'department',
        subjectId: 'PLANT',
        rule: 'WIN-13',
        source: 'GB2026-PLANT-1',
        status: 'cancelled',
        decider: 'plant',
        decidedBy: 'plant',
        decidedAt: instantAt('2026-03-10', '10:00'),
        note: null,
        createdAt: instantAt('2026-03-10', '10:00'),
      });
    },
  },
  {
    // a weekly-check reminder sent although that week's 周检 was already on record (PRF-02)
    invariant: 'PRF-02 weekly-check reminder only when missing',
    async plant(m) {
      const r = await m.findOneOrFail(OutboxRow, {
        where: { dedupeKey: Like('provider-weekly-check:%') },
        order: { id: 'ASC' },
      });
      const period = r.dedupeKey.slice('provider-weekly-check:'.length);
      const at = new Date(r.createdAt.getTime() - 3600_000);
      await m.delete(ProviderEvent, { kind: '周检', period });
      await insertRows(m, ProviderEvent, {
        kind: '周检',
        period,
        ground: null,
        note: 'planted',
        status: null,
        by: 'zhao',
        at,
      });
    },
  },
  {
    // a 差评 whose triage intake went missing (REV-02)
    invariant: '每条差评 one CP and one intake, re-imports included',
    async plant(m) {
      const cp = await m.findOneOrFail(BadReview, { where: {}, order: { id: 'ASC' } });
      await m.delete(ComplaintIntake, { kind: '差评', sourceRef: cp.no });
    },
  },
];

async function plantAndCheck(f: SimFacts, p: Plant): Promise<InvariantResult> {
  const qr = f.m.connection.createQueryRunner();
  await qr.startTransaction();
  try {
    const facts = (await p.plant(qr.manager, f)) ?? f;
    return await byName(p.invariant).check({ ...facts, m: qr.manager });
  } finally {
    await qr.rollbackTransaction();
    await qr.release();
  }
}

describe('simulate — a small-scale month (D69)', () => {
  let report: SimReport;
  const planted = new Map<string, InvariantResult>();
  beforeAll(async () => {
    report = await runSimulation({
      month: '2026-03',
      scale: 'small',
      seed: 1,
      databaseUrl: await freshDatabaseUrl(),
      beforeChecks: async (f) => {
        for (const p of PLANTS) planted.set(p.invariant, await plantAndCheck(f, p));
      },
    });
  }, 300_000);

  it('every invariant passes on the simulated month, with real work in it', () => {
    expect(report.invariants.filter((i) => !i.ok)).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.tallies['findings.recorded']).toBeGreaterThanOrEqual(20);
    expect(report.tallies['complaints.registered']).toBeGreaterThanOrEqual(5);
    expect(report.tallies['closures.approved']).toBeGreaterThanOrEqual(1);
    expect(report.tallies['cases.delivered']).toBeGreaterThanOrEqual(20);
    expect(report.tallies['reviews.bad']).toBeGreaterThanOrEqual(3);
    expect(report.tallies['ledgers.exported']).toBe(LEDGERS.length);
    expect([report.tallies['ledgers.chief-exported'], report.tallies['ledgers.chief-refused']]).toEqual([1, 1]);
    expect(report.tallies['ledgers.export-failed']).toBeUndefined();
    expect(report.tallies['reviews.rectified']).toBe(report.tallies['reviews.bad']);
    expect(report.tallies['reviews.reimportNothing']).toBe(1);
    expect(report.tallies['mail.sent']).toBeGreaterThanOrEqual(3);
    expect(report.tallies['items.approved']).toBeGreaterThanOrEqual(1);
    expect(report.tallies['oral.approved-late']).toBeGreaterThanOrEqual(1);
    expect(report.markdown).toContain('督通〔2026〕1号');
    for (const i of report.invariants) expect(i.checked, i.name).toBeGreaterThan(0 - 1);
  });

  it.each(PLANTS.map((p) => [p.invariant, p] as const))('catches a planted violation: %s', (name) => {
    const r = planted.get(name)!;
    expect(r.violations.length, `${name} missed its planted violation`).toBeGreaterThan(0);
  });

  it('every invariant has a planted violation', () => {
    expect(INVARIANTS.map((i) => i.name).sort()).toEqual(PLANTS.map((p) => p.invariant).sort());
  });
});
