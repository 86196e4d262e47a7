import { In, Not } from 'typeorm';
import { ServiceCase } from '../../../entities/case';
import { CaseEvent } from '../../../entities/case-event';
import { ServiceItem } from '../../../entities/item';
import { Person } from '../../../entities/person';
import type { Ctx } from '../../kernel/ctx';
import { claimReminder } from '../../kernel/reminders';
import { localDate, localTime } from '../../kernel/time';
import { HANDOVER, type HandoverDetail } from './handover';

// CAS-13 row of handover-contact-check (16:30 each WD, OPEN #44, D39): a case accepted at the 综窗 for another
// department whose paper materials are not yet logged as handed to the 审批部门. Same-day handover is the rule;
// a case still without it is listed again each WD until logged. Not listed: items handled fully online
// (e-materials go through the platform), cases the department's own window accepted, and imported platform
// rows, whose handovers the bot does not mirror (D134). Each case once per WD, one message per 综窗 receiver.

const WITH_DEPARTMENT = ['已受理', '中止', '办结'];

export async function checkPaperHandover(ctx: Ctx): Promise<number> {
  const today = localDate(ctx.now);
  const cases = await ctx.m.find(ServiceCase, {
    where: { status: In(WITH_DEPARTMENT), source: Not('导入') },
    order: { id: 'ASC' },
  });
  const byReceiver = new Map<string, string[]>();
  for (const c of cases) {
    if (!c.acceptedAt || c.acceptedAt > ctx.now) continue;
    const receiver = await ctx.m.findOne(Person, { where: { userid: c.firstResponder } });
    if (!receiver || receiver.departmentCode === c.departmentCode) continue;
    const item = await ctx.m.findOne(ServiceItem, { where: { id: c.itemId } });
    if (item?.fullyOnline) continue;
    const events = await ctx.m.find(CaseEvent, { where: { caseNo: c.no, action: HANDOVER } });
    if (events.some((e) => (e.detail as unknown as HandoverDetail | null)?.stage === '审批')) continue;
    if (!(await claimReminder(ctx.m, ctx.now, c.no, 'paper-handover', 0, today))) continue;
    const when = localDate(c.acceptedAt) === today ? `今天 ${localTime(c.acceptedAt)}` : localDate(c.acceptedAt);
    const lines = byReceiver.get(c.firstResponder) ?? [];
    lines.push(`${c.no} ${c.itemName}（${c.departmentCode}，${when} 受理）→ 办件 交接 ${c.no} 审批 接收人=@…`);
    byReceiver.set(c.firstResponder, lines);
  }
  let n = 0;
  for (const [userid, lines] of byReceiver) {
    await ctx.send(
      { user: userid },
      {
        text: `⏰ 以下办件的纸质材料尚未记录交审批部门（rule CAS-13，当日交接）：\n${lines.join('\n')}`,
      },
      `paper-handover:${userid}:${today}`,
    );
    n += lines.length;
  }
  return n;
}
