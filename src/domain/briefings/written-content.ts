import { Between, type EntityManager } from 'typeorm';
import { Accountability } from '../../../entities/accountability';
import { AwardFlag } from '../../../entities/award-flag';
import { DeductionEvent } from '../../../entities/deduction-event';
import { Department } from '../../../entities/department';
import { Notice } from '../../../entities/notice';
import { Person } from '../../../entities/person';
import { Rectification } from '../../../entities/rectification';
import { Talk } from '../../../entities/talk';
import type { WorkCalendar } from '../../kernel/work-calendar';
import { instantAt, localDate, monthBounds, type LocalDate } from '../../kernel/time';
import { monthStats } from '../inspections/inspections';
import { itemCategory } from '../inspections/rules';
import { summarise } from '../inspections/summary';
import { complaintMonth } from './complaint-sources';
import { showNoticeNo } from './numbering';
import { meetingLines } from '../presence/meetings';
import { rosterMonthLines } from '../presence/roster';

// BRF-01 (000 督查通报 第四条): every notice carries sections (1)–(6); BRF-07 drafts them per stationed department
// for last month. D21: a section without data says 无. (2) 综窗 晨会/夕会 come from the 晨会 records of the
// department's people; (3) 领导带班 is the hall's 带班表 for the month, the same line in every department (D164).
// The lines are printed in the 公文 (D41): item names, record and 督通 numbers, never rule IDs.

export const BRF01_SECTIONS = [
  '服务窗口（含前后台）日常管理情况',
  '综窗人员晨会、夕会制度执行情况',
  '领导带班制度执行情况',
  '服务窗口及工作人员评优评先情况',
  '政务服务运行机制落实情况',
  '办事对象投诉、整改反馈情况等其他事项',
] as const;

export interface WrittenDept {
  code: string;
  name: string;
  sections: string[][];
  remark: string | null;
  edited: number[];
}

export interface WrittenContent {
  month: string;
  general: string[];
  departments: WrittenDept[];
  approvals?: string[];
  /** Issued after the 15th (recorded, not refused — D31). */
  late?: boolean;
}

const NONE = ['无'];
const within = (d: Date | null, first: LocalDate, last: LocalDate) =>
  !!d && localDate(d) >= first && localDate(d) <= last;

export async function buildWrittenContent(m: EntityManager, cal: WorkCalendar, month: string): Promise<WrittenContent> {
  const { first, last } = monthBounds(`${month}-01`);
  const summary = await summarise(m, first, last);
  const stats = await monthStats(m, cal, month, last);
  const complaints = await complaintMonth(m, month);
  const depts = await m.find(Department, { where: { inactive: false }, order: { code: 'ASC' } });
  const rects = await m.find(Rectification, { order: { no: 'ASC' } });
  const deductions = await m.find(DeductionEvent, {
    where: { date: Between(first, last), status: 'active' },
    order: { no: 'ASC' },
  });
  const measures = (await m.find(Accountability, { order: { no: 'ASC' } })).filter(
    (x) => within(x.createdAt, first, last) && x.status === '有效',
  );
  const talks = (await m.find(Talk, { where: { status: '已完成' } })).filter((t) => within(t.approvedAt, first, last));
  const awards = (await m.find(AwardFlag, { where: { status: 'cancelled' } })).filter((a) =>
    within(a.decidedAt, first, last),
  );
  const people = await m.find(Person);
  const deptOfPerson = (id: string) => people.find((p) => p.userid === id)?.departmentCode ?? null;
  const orals = await m.count(Notice, { where: { type: '口头', status: '已发布', forDate: Between(first, last) } });
  const monthEnd = instantAt(last, '23:59');
  const sec3 = await rosterMonthLines(m, cal, first, last);

  const sec2 = new Map<string, string[]>();
  for (const d of depts) sec2.set(d.code, await meetingLines(m, d.code, first, last));
  const departments: WrittenDept[] = depts.map((d) => {
    const s = summary.departments.get(d.code);
    const problems = s?.problems ?? [];
    const sec1 = problems.length
      ? [
          `巡查发现问题${problems.length}起${s!.disputed ? `（其中有异议${s!.disputed}起）` : ''}：`,
          ...problems.map(
            (f) =>
              `${f.no} ${f.windowNumber ? `${f.windowNumber}号窗 ` : ''}${f.item ? `${itemCategory(f.item)}：` : ''}${f.description}（${f.severity}${f.status === '有异议' ? '，有异议' : ''}）`,
          ),
        ]
      : NONE;
    const praise = s?.praise ?? [];
    const cancelled = awards.filter(
      (a) => (a.subjectType === 'department' ? a.subjectId : deptOfPerson(a.subjectId)) === d.code,
    );
    const sec4 = [
      ...(praise.length
        ? [
            `巡查表扬${praise.length}次：${praise.map((f) => `${f.windowNumber ? `${f.windowNumber}号窗 ` : ''}${f.description}`).join('；')}`,
          ]
        : []),
      ...(cancelled.length
        ? [`取消评优资格${cancelled.length}项：${cancelled.map((a) => showNoticeNo(a.source)).join('、')}`]
        : []),
    ];
    const wx = measures.filter((x) => x.departmentCode === d.code);
    const tk = talks.filter((t) => t.departmentCode === d.code);
    const sec5 = [
      ...wx.map(
        (x) =>
          `${x.no} ${x.event === '阻碍巡查' ? '阻碍巡查' : x.measure}${x.source ? `（来源 ${showNoticeNo(x.source)}）` : ''}`,
      ),
      ...tk.map((t) => `${showNoticeNo(t.noticeNo ?? '')} 约谈${t.target}（${t.month}）：${t.requirements ?? ''}`),
    ];
    const c = complaints.get(d.code);
    const mine = rects.filter(
      (r) =>
        r.departmentCode === d.code &&
        (within(r.issuedAt, first, last) ||
          (r.issuedAt <= monthEnd && (r.status !== '已通过' || within(r.acceptedAt, first, last)))),
    );
    const overdue = mine.filter((r) => r.status !== '已通过' && (r.planDeadline ?? '9999') < last);
    const notUpTo = mine.filter((r) => r.verdict === '不到位' && r.status !== '已通过');
    const kf = deductions.filter((k) => k.departmentCode === d.code);
    const sec6 = [
      ...(c
        ? [
            `投诉${c.registered}件（属实${c.substantiated}，部分属实${c.partlySubstantiated}，不实${c.unfounded}，超期${c.overdue}）`,
          ]
        : []),
      ...(mine.length
        ? [
            `整改${mine.length}件：已通过${mine.filter((r) => r.status === '已通过').length}，在办${mine.filter((r) => r.status !== '已通过').length}${overdue.length ? `，逾期${overdue.length}` : ''}${notUpTo.length ? `，验收不到位${notUpTo.length}` : ''}（${mine.map((r) => r.no).join('、')}）`,
          ]
        : []),
      ...(kf.length
        ? [`扣分事件${kf.length}起：${kf.map((k) => `${k.no}（来源 ${showNoticeNo(k.source)}）`).join('、')}`]
        : []),
    ];
    return {
      code: d.code,
      name: d.name,
      sections: [
        sec1,
        sec2.get(d.code)?.length ? sec2.get(d.code)! : NONE,
        sec3.length ? sec3 : NONE,
        sec4.length ? sec4 : NONE,
        sec5.length ? sec5 : NONE,
        sec6.length ? sec6 : NONE,
      ],
      remark: null,
      edited: [],
    };
  });
  const publicArea = summary.departments.get('公共区域')?.problems.length ?? 0;
  const general = [
    `本月日常巡查 ${stats.dailyDone}/${stats.dailyDays} 个工作日，联合巡查 ${stats.joint} 次，领导巡查 ${stats.leader} 次。`,
    `巡查发现问题 ${summary.problems} 起（公共区域 ${publicArea} 起${summary.disputed ? `，有异议 ${summary.disputed} 起` : ''}），表扬 ${summary.praise} 次；发布口头通报 ${orals} 期。`,
  ];
  return { month, general, departments };
}

/** Chat-size text of one department's sections (书面通报 查看 <部门>). */
export function renderDept(d: WrittenDept): string {
  const lines = [`${d.code} ${d.name}`];
  d.sections.forEach((s, i) =>
    lines.push(
      `（${i + 1}）${BRF01_SECTIONS[i]}：${s.reduce((acc, l) => (acc === '' || acc.endsWith('：') ? `${acc}${l}` : `${acc}；${l}`), '')}`,
    ),
  );
  if (d.remark) lines.push(`补充：${d.remark}`);
  return lines.join('\n');
}

/** Departments with something other than 无 (for the summary line). */
export function deptProblemCount(d: WrittenDept): number {
  return d.sections.filter((s) => !(s.length === 1 && s[0] === '无')).length;
}
