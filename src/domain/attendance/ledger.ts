import type { LeaveRequest } from '../../../entities/leave-request';
import { Between } from 'typeorm';
import { Person } from '../../../entities/person';
import { ShortAbsence } from '../../../entities/short-absence';
import { HallCalendar } from '../../calendar/hall-calendar';
import { type Ledger, ledgerColumn as col } from '../../kernel/ledger';
import { maskName } from '../../kernel/mask';
import { addDays, addMonths, instantAt, localStamp } from '../../kernel/time';
import { leaveInMonth } from '../staffing/leave-queries';
import { judgeRange } from './days';
import { anomalyText } from './rules';

// 考勤与请假台账 ● (ATT-01…ATT-10): sheet 考勤 — each judged person-day of the imported 考勤系统 rows (迟到/早退
// minutes, invalid times, 延时服务, the QJ that excuses the day); sheet 请假 — every leave or 出差 touching the
// range (D150); sheet 暂离 — every 暂离 begun in the range with its length and 超时离岗 flag (ATT-03/04, D161).
// ● = a 首席代表 exports its own department. Names masked unless unmasked (D18).

const LEAVE_STATUS: Record<string, string> = {
  draft: '待纸质审批',
  pending: '待审批',
  approved: '已批准',
  rejected: '未批准',
  cancelled: '已撤回',
  returned: '已销假',
};

export const attendanceLedger: Ledger = {
  name: '考勤与请假台账',
  aliases: ['考勤台账', '考勤', 'attendance'],
  perDepartment: true,
  async build(db, range, opts) {
    const m = db.manager;
    const cal = new HallCalendar();
    await cal.refresh(m);
    const scope = opts.department ? { departmentCode: opts.department } : {};
    const r = await judgeRange(m, cal, range.from, range.to, scope);
    const people = new Map((await m.find(Person)).map((p) => [p.userid, p]));
    const name = (id: string | null) => {
      const n = id ? (people.get(id)?.name ?? id) : '';
      return opts.unmasked ? n : maskName(n);
    };
    const minutes = (kind: string, d: (typeof r.days)[number]) =>
      d.judged.anomalies.find((a) => a.kind === kind)?.minutes ?? '';
    const leaves: LeaveRequest[] = [];
    for (let d = `${range.from.slice(0, 7)}-01`; d <= range.to; d = addMonths(d, 1)) {
      for (const q of await leaveInMonth(m, d.slice(0, 7), { departmentCode: opts.department })) {
        if (q.toDate >= range.from && q.fromDate <= range.to && !leaves.some((x) => x.id === q.id)) leaves.push(q);
      }
    }
    const absences = (
      await m.find(ShortAbsence, {
        where: { startedAt: Between(instantAt(range.from), instantAt(addDays(range.to, 1))) },
        order: { startedAt: 'ASC' },
      })
    ).filter((a) => !opts.department || people.get(a.userid)?.departmentCode === opts.department);
    return [
      {
        name: '考勤',
        columns: [
          col('日期', 'date', 11, 'date'),
          col('部门', 'dept', 8),
          col('窗口', 'window', 6),
          col('人员', 'person', 10),
          col('签到', 'in', 7),
          col('签退', 'out', 7),
          col('迟到分钟', 'late', 8, 'number'),
          col('早退分钟', 'early', 8, 'number'),
          col('异常', 'anomalies', 30),
          col('延时服务', 'extended', 8),
          col('请假 QJ号/类型', 'leave', 18),
          col('状态', 'status', 8),
        ],
        rows: r.days.map((d) => ({
          date: d.date,
          dept: d.person.departmentCode ?? '',
          window: d.person.windowNumber ?? '',
          person: name(d.person.userid),
          in: d.row?.signIn ?? '',
          out: d.row?.signOut ?? '',
          late: minutes('迟到', d),
          early: minutes('早退', d),
          anomalies: d.judged.anomalies.map((a) => anomalyText(a, r.limits)).join('；'),
          extended: d.judged.extended ? '是' : '',
          leave: d.leave ? `${d.leave.no} ${d.leave.kind}` : '',
          status: d.judged.status,
        })),
      },
      {
        name: '请假',
        columns: [
          col('QJ号', 'no', 14),
          col('部门', 'dept', 8),
          col('人员', 'person', 10),
          col('类型', 'kind', 8),
          col('起', 'from', 11, 'date'),
          col('止', 'to', 11, 'date'),
          col('天数（工作日）', 'days', 8, 'number'),
          col('审批人', 'approver', 10),
          col('状态', 'status', 8),
          col('销假', 'returned', 17, 'datetime'),
        ],
        rows: leaves.map((q) => ({
          no: q.no,
          dept: q.departmentCode ?? '',
          person: name(q.userid),
          kind: q.kind,
          from: q.fromDate,
          to: q.toDate,
          days: q.workdays,
          approver: q.paperApproval ? `纸质审批（${name(q.paperRecordedBy)}登记）` : name(q.approverUserid),
          status: LEAVE_STATUS[q.status] ?? q.status,
          returned: q.returnedAt ? localStamp(q.returnedAt) : '',
        })),
      },
      {
        name: '暂离',
        columns: [
          col('ZL号', 'no', 14),
          col('部门', 'dept', 8),
          col('人员', 'person', 10),
          col('类型', 'kind', 6),
          col('开始', 'from', 17, 'datetime'),
          col('回岗', 'to', 17, 'datetime'),
          col('分钟', 'minutes', 6, 'number'),
          col('限时', 'limit', 6, 'number'),
          col('超时离岗', 'overtime', 8),
        ],
        rows: absences.map((a) => ({
          no: a.no,
          dept: people.get(a.userid)?.departmentCode ?? '',
          person: name(a.userid),
          kind: a.kind,
          from: localStamp(a.startedAt!),
          to: a.endedAt ? localStamp(a.endedAt) : '',
          minutes: a.endedAt ? Math.round((a.endedAt.getTime() - a.startedAt!.getTime()) / 60_000) : '',
          limit: a.minutes,
          overtime: a.overtime ? '是' : '',
        })),
      },
    ];
  },
};
