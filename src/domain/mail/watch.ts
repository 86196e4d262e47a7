import { In } from 'typeorm';
import { ServiceCase } from '../../../entities/case';
import { MailItem } from '../../../entities/mail-item';
import type { Ctx } from '../../kernel/ctx';
import { claimReminder } from '../../kernel/reminders';
import { localDate } from '../../kernel/time';
import { DIRECTION, MST, shortYj } from './model';

// 政务专递 entry of handover-contact-check (16:30 each WD, D39, D128): mail that is stuck between hands — materials
// received but not passed to the item's window (MAIL-03, MAIL-07), a result whose case is 办结 but not yet mailed,
// and a mailed result without its 快递存单 (MAIL-04). Each entry once per WD, to the person who holds it.

export async function checkMailHandovers(ctx: Ctx): Promise<number> {
  const today = localDate(ctx.now);
  const open = await ctx.m.find(MailItem, {
    where: { status: In([MST.received, MST.waiting, MST.receipt]) },
    order: { id: 'ASC' },
  });
  const finished = new Set(
    (
      await ctx.m.find(ServiceCase, {
        select: { no: true, finishedAt: true },
        where: { no: In([...new Set(open.filter((m) => m.status === MST.waiting).map((m) => m.caseNo))]) },
      })
    )
      .filter((c) => c.finishedAt)
      .map((c) => c.no),
  );
  const byHolder = new Map<string, string[]>();
  for (const m of open) {
    const short = shortYj(m.no, ctx.now);
    let line: string | null = null;
    if (m.direction === DIRECTION.in && m.status === MST.received)
      line = `${short} 寄入材料（${m.caseNo}）尚未转交${m.windowNumber ? ` ${m.windowNumber}号窗` : ''} → 专递 转交 ${short} 接收人=@…`;
    else if (m.status === MST.waiting && finished.has(m.caseNo))
      line = `${short} ${m.caseNo} 已办结，结果尚未寄出 → 专递 发出 ${short} 单号=… 短信=是`;
    else if (m.status === MST.receipt)
      line = `${short} 已寄出（EMS ${m.emsNo ?? ''}）但未存快递存单 → 专递 发出 ${short}，再发存单照片`;
    if (!line || !(await claimReminder(ctx.m, ctx.now, m.no, 'mail-watch', 0, today))) continue;
    const holder = m.handovers.at(-1)?.to ?? m.handler;
    byHolder.set(holder, [...(byHolder.get(holder) ?? []), line]);
  }
  for (const [holder, lines] of byHolder)
    await ctx.send(
      { user: holder },
      { text: `⏰ 政务专递待办（rule MAIL-04/MAIL-07）：\n${lines.join('\n')}` },
      `mail-watch:${today}:${holder}`,
    );
  return [...byHolder.values()].reduce((n, l) => n + l.length, 0);
}
