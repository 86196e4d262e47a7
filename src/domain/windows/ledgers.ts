import { Between, In, Not } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { Approval } from '../../../entities/approval';
import { ApprovalStep } from '../../../entities/approval-step';
import { DeviceTask } from '../../../entities/device-task';
import { PeakPlan } from '../../../entities/peak-plan';
import { Person } from '../../../entities/person';
import { Suspension } from '../../../entities/suspension';
import { WindowChange } from '../../../entities/window-change';
import { WindowClosure } from '../../../entities/window-closure';
import { maskPhone } from '../../kernel/mask';
import type { Ledger, Sheet } from '../../kernel/ledger';
import { localDate } from '../../kernel/time';

// docs/commands.md: 窗口变更及临时关闭台账 ● (WIN-02…WIN-10) and 业务高峰及停办备案台账 ● (SUS-02…SUS-10), by start
// date. ● = a 首席代表 exports its own department's rows (D225).

async function reviewers(m: EntityManager, approvalNo: string | null): Promise<string> {
  if (!approvalNo) return '';
  const a = await m.findOne(Approval, { where: { no: approvalNo } });
  if (!a) return '';
  const steps = await m.find(ApprovalStep, { where: { approvalId: a.id, status: 'approved' }, order: { idx: 'ASC' } });
  const names: string[] = [];
  for (const s of steps)
    names.push(
      `${s.label}:${(await m.findOne(Person, { where: { userid: s.decidedBy ?? '' } }))?.name ?? s.decidedBy}`,
    );
  return names.join('；');
}

async function tasksOf(m: EntityManager, subjectType: string, subjectId: string): Promise<string> {
  const ts = await m.find(DeviceTask, { where: { subjectType, subjectId }, order: { id: 'ASC' } });
  return ts.map((t) => `${t.no} ${t.item}${t.status === 'done' ? '✓' : ''}`).join('；');
}

const TYPE_CN: Record<string, string> = { 临时关闭: '关闭', 重启: '重启', 季节重启: '季节' };
const STATUS_CN: Record<string, string> = {
  pending: '审批中',
  approved: '已批准',
  ended: '已恢复',
  reclaimed: '已收回',
  rejected: '已驳回',
  withdrawn: '已撤回',
  done: '已完成',
};

export const windowLedger: Ledger = {
  name: '窗口变更及临时关闭台账',
  aliases: ['window-changes', '窗口台账'],
  perDepartment: true,
  async build(db, range, opts) {
    const m = db.manager;
    const dept = opts.department ? { departmentCode: opts.department } : {};
    const closures = await m.find(WindowClosure, {
      where: { ...dept, status: Not('draft'), fromDate: Between(range.from, range.to) },
      order: { fromDate: 'ASC' },
    });
    const changes = await m.find(WindowChange, {
      where: { ...dept, startDate: Between(range.from, range.to) },
      order: { startDate: 'ASC' },
    });
    const rows: Sheet['rows'] = [];
    for (const c of closures) {
      rows.push({
        no: c.no,
        dept: c.departmentCode,
        windows: c.windows.join(','),
        type: TYPE_CN[c.type],
        from: c.fromDate,
        to: c.toDate ?? '',
        reason: c.reason,
        status: STATUS_CN[c.status] ?? c.status,
        reviewers: await reviewers(m, c.approvalNo),
        tasks: await tasksOf(m, 'window_closure', c.no),
        restored: c.restoredOn ?? '',
      });
    }
    for (const c of changes) {
      rows.push({
        no: c.no,
        dept: c.departmentCode,
        windows: c.windows.join(','),
        type: c.changeType,
        from: c.startDate,
        to: c.endDate ?? '',
        reason: [c.business, c.reason].filter(Boolean).join('；'),
        status: STATUS_CN[c.status] ?? c.status,
        reviewers: await reviewers(m, c.approvalNo),
        tasks: await tasksOf(m, 'window_change', c.no),
        restored: c.doneAt ? localDate(c.doneAt) : '',
      });
    }
    return [
      {
        name: '窗口变更及临时关闭台账',
        columns: [
          { header: '编号', key: 'no', width: 18 },
          { header: '部门', key: 'dept' },
          { header: '窗口', key: 'windows' },
          { header: '类型', key: 'type' },
          { header: '起', key: 'from', type: 'date' },
          { header: '止', key: 'to', type: 'date' },
          { header: '事由', key: 'reason', width: 40 },
          { header: '状态', key: 'status' },
          { header: '审核人', key: 'reviewers', width: 36 },
          { header: '设备任务', key: 'tasks', width: 40 },
          { header: '实际恢复日期', key: 'restored', width: 14, type: 'date' },
        ],
        rows,
      },
    ];
  },
};

export const peakSuspensionLedger: Ledger = {
  name: '业务高峰及停办备案台账',
  aliases: ['peaks-suspensions', '停办台账'],
  perDepartment: true,
  async build(db, range, opts) {
    const m = db.manager;
    const where = {
      ...(opts.department ? { departmentCode: opts.department } : {}),
      status: In(['pending', 'approved', 'rejected', 'withdrawn']),
      fromDate: Between(range.from, range.to),
    };
    const peaks = await m.find(PeakPlan, { where, order: { fromDate: 'ASC' } });
    const stops = await m.find(Suspension, { where, order: { fromDate: 'ASC' } });
    const rows: Sheet['rows'] = [];
    for (const p of peaks) {
      rows.push({
        no: p.no,
        dept: p.departmentCode,
        from: p.fromDate,
        to: p.toDate,
        reason: `${p.reasonType}${p.reason ? `：${p.reason}` : ''}`,
        windows: '全部窗口',
        consultants: p.orderStaff ?? '',
        publicity: p.checklist?.['宣传']?.at.slice(0, 10) ?? '',
        reviewers: await reviewers(m, p.approvalNo),
        cause: p.causeClass ?? '',
      });
    }
    for (const s of stops) {
      rows.push({
        no: s.no,
        dept: s.departmentCode,
        from: s.fromDate,
        to: s.toDate,
        reason: `${s.reason}${s.docNo ? `（${s.docNo}）` : ''}`,
        windows: s.windows.join(','),
        consultants: (s.consultants ?? [])
          .map((c) => `${c.name} ${opts.unmasked ? c.phone : maskPhone(c.phone)}`)
          .join('；'),
        publicity: s.publicityAt ? localDate(s.publicityAt) : '',
        reviewers: await reviewers(m, s.approvalNo),
        cause: s.causeClass ?? '',
      });
    }
    return [
      {
        name: '业务高峰及停办备案台账',
        columns: [
          { header: '编号', key: 'no', width: 18 },
          { header: '部门', key: 'dept' },
          { header: '起', key: 'from', type: 'date' },
          { header: '止', key: 'to', type: 'date' },
          { header: '事由/文号', key: 'reason', width: 40 },
          { header: '窗口', key: 'windows' },
          { header: '咨询人员', key: 'consultants', width: 36 },
          { header: '宣传日期', key: 'publicity', width: 14, type: 'date' },
          { header: '审核人', key: 'reviewers', width: 30 },
          { header: '原因认定', key: 'cause' },
        ],
        rows,
      },
    ];
  },
};
