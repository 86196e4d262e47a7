import { In } from 'typeorm';
import { Deadline } from '../../../entities/deadline';
import { ServiceCase } from '../../../entities/case';
import { HallCalendar } from '../../calendar/hall-calendar';
import type { Ledger, Sheet } from '../../kernel/ledger';
import { localDate } from '../../kernel/time';
import { levelLabel } from './view';

// 办件时限台账 ● (CAS-01…19, ACC-08): every case received by the end of the range and not closed before its
// start — open ones with the reminder level they are at on the range's last day.

const COLUMNS: Sheet['columns'] = [
  { header: '办件编号', key: 'no', width: 14 },
  { header: '平台号', key: 'platformNo', width: 20 },
  { header: '事项', key: 'item', width: 20 },
  { header: '部门', key: 'department', width: 6 },
  { header: '类型', key: 'type', width: 6 },
  { header: '受理日', key: 'accepted', width: 11, type: 'date' },
  { header: '承诺时限(WD)', key: 'limit', width: 8, type: 'number' },
  { header: '到期日', key: 'due', width: 11, type: 'date' },
  { header: '中止/延期', key: 'pauses', width: 14 },
  { header: '办结日', key: 'finished', width: 11, type: 'date' },
  { header: '超期WD', key: 'overdue', width: 7, type: 'number' },
  { header: '撤回', key: 'withdrawn', width: 6 },
  { header: '提醒级别', key: 'level', width: 12 },
  { header: '责任方', key: 'fault', width: 10 },
  { header: '状态', key: 'status', width: 8 },
];

export const caseDeadlineLedger: Ledger = {
  name: '办件时限台账',
  aliases: ['办件', 'cases'],
  perDepartment: true,
  async build(db, range, opts) {
    const all = await db.manager.find(ServiceCase, {
      where: opts.department ? { departmentCode: opts.department } : {},
      order: { no: 'ASC' },
    });
    const rows = all.filter(
      (c) => localDate(c.receivedAt) <= range.to && (!c.closedAt || localDate(c.closedAt) >= range.from),
    );
    const ids = rows.map((c) => c.deadlineId).filter((x): x is number => x != null);
    const clocks = ids.length ? await db.manager.find(Deadline, { where: { id: In(ids) } }) : [];
    const byId = new Map(clocks.map((d) => [d.id, d]));
    const cal = new HallCalendar();
    await cal.refresh(db.manager);
    return [
      {
        name: '办件时限台账',
        columns: COLUMNS,
        rows: rows.map((c) => {
          const d = c.deadlineId ? byId.get(c.deadlineId) : undefined;
          const paused = d ? (d.pauses ?? []).length + (d.pausedAt ? 1 : 0) : 0;
          return {
            no: c.no,
            platformNo: c.platformNo ?? '',
            item: c.itemName,
            department: c.departmentCode,
            type: c.type,
            accepted: c.clockStart ?? '',
            limit: c.limitWd,
            due: d?.dueDate ?? c.dueDate ?? '',
            pauses: `中止${paused}次/延期${c.extensions}次${d?.pausedWorkdays ? `（中止${d.pausedWorkdays}WD）` : ''}`,
            finished: c.finishedAt ? localDate(c.finishedAt) : '',
            overdue: c.closedOverdue ? (c.overdueWd ?? 0) : '',
            withdrawn: c.status === '已撤回' ? '是' : '',
            level: levelLabel(cal, c, d?.dueDate ?? c.dueDate, range.to),
            fault: c.faultParty ?? (c.closedOverdue ? '待认定' : ''),
            status: c.status,
          };
        }),
      },
    ];
  },
};
