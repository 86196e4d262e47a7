import { LessThanOrEqual } from 'typeorm';
import { StaffRecord } from '../../../entities/staff-record';
import type { Ctx } from '../../kernel/ctx';
import { claimReminder } from '../../kernel/reminders';
import { localDate } from '../../kernel/time';
import { HANDOVER_STEPS, handoverLine } from './handover';
import { md } from './records';

// STF-08 / STF-10 (000 调整管理 四: a departure without the procedure risks 旷工/脱岗): an approved 离岗 whose
// 交接 is still open on the 离岗 date is reported to 大厅管理室 once (reminder_log per LG and date, D16).

export async function reportOpenHandovers(ctx: Ctx): Promise<{ reported: number }> {
  const today = localDate(ctx.now);
  const due = await ctx.m.find(StaffRecord, {
    where: { kind: '离岗', status: 'approved', endDate: LessThanOrEqual(today) },
    order: { id: 'ASC' },
  });
  let reported = 0;
  for (const r of due) {
    const open = HANDOVER_STEPS.filter((s) => !(r.handover ?? {})[s.key]);
    if (open.length === 0) continue;
    if (!(await claimReminder(ctx.m, ctx.now, r.no, 'stf08:open', 0, r.endDate!))) continue;
    const lines = open.map((s) => `${s.key} ${s.action}（${s.ownerText}）`).join('\n');
    await ctx.send(
      { group: 'G-OFFICE' },
      {
        text: `⏰ ${r.no} ${r.departmentCode} ${r.name} 离岗日期 ${md(r.endDate)} 已到，离岗交接未完成（rule STF-08）：${handoverLine(r)}\n${lines}`,
      },
      `lg:${r.no}:open:${r.endDate}`,
    );
    reported++;
  }
  return { reported };
}
