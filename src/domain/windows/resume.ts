import { randomBytes } from 'node:crypto';
import { WindowClosure } from '../../../entities/window-closure';
import { openAttachmentSlot } from '../../kernel/attachments';
import type { Ctx } from '../../kernel/ctx';
import { chiefRepOf } from '../../kernel/directory';
import { UserError } from '../../kernel/errors';
import { type LocalDate, localDate, shortDate } from '../../kernel/time';
import { buttonCard, taskIdFor } from '../../wecom/cards';
import { endClosure, requireLive } from './closure-lifecycle';
import { windowsLabel } from './rules';

// WIN-11 (000_c8ed09c118362bcb.txt 调整管理 二(二)2): a surge during a closure — 大厅管理室 orders the staff back,
// the 首席代表 acknowledges on the card and uploads the 工作预案.

export const RESUME_PLAN = '工作预案';

const period = (c: WindowClosure) => `${shortDate(c.fromDate)}–${shortDate(c.toDate ?? c.fromDate)}`;

/** `窗口 恢复上岗` (WIN-11): surge during the closure → card to the 首席代表, who must put staff back and upload a plan. */
export async function orderResume(ctx: Ctx, c: WindowClosure, note: string): Promise<void> {
  requireLive(c);
  if (c.resumeOrderedAt) throw new UserError(`${c.no} 已于 ${localDate(c.resumeOrderedAt)} 要求恢复上岗。`);
  await ctx.m.update(WindowClosure, { id: c.id }, { resumeOrderedAt: ctx.now, resumeNote: note });
  await ctx.audit('window_closure.resume_order', 'window_closure', c.no, { note });
  const chief = await chiefRepOf(ctx.m, c.departmentCode);
  const card = buttonCard({
    taskId: taskIdFor(c.no, 'resume', randomBytes(3).toString('hex')),
    title: `请立即恢复${windowsLabel(c.windows)}`,
    desc: `rule WIN-11｜${c.no}`,
    subTitle: `临时关闭期间出现业务量骤增：${note}。请立即安排工作人员上岗，并上传工作预案。`,
    fields: [{ key: '关闭期', value: period(c) }],
    buttons: [{ text: '已安排上岗', key: `ack_resume:${c.no}`, style: 1 }],
  });
  await ctx.send({ user: chief.userid }, { card }, `gb:${c.no}:resume:card`);
  await ctx.send(
    { group: `G-DEPT-${c.departmentCode}` },
    { text: `⚠️ ${windowsLabel(c.windows)}临时关闭期间业务量骤增，大厅管理室要求立即恢复上岗（${c.no}）。` },
    `gb:${c.no}:resume:dept`,
  );
}

/**
 * The 首席代表's `ack_resume:` click: window back in use; the next photo/file is the 工作预案. Returns the day of
 * an earlier acknowledgement (nothing done), or null.
 */
export async function ackResume(ctx: Ctx, c: WindowClosure): Promise<LocalDate | null> {
  const chief = await chiefRepOf(ctx.m, c.departmentCode);
  if (ctx.actor.userid !== chief.userid) throw new UserError(`只有 ${c.departmentCode} 首席代表可以确认。`);
  if (c.resumeAckAt) return localDate(c.resumeAckAt);
  await ctx.m.update(WindowClosure, { id: c.id }, { resumeAckAt: ctx.now });
  const task = c.status === 'approved' ? await endClosure(ctx, c, '恢复', 'window_closure.resumed') : undefined;
  await openAttachmentSlot(ctx, 'window_closure', c.no, RESUME_PLAN);
  await ctx.send(
    { group: 'G-OFFICE' },
    { text: `${c.no}：${c.departmentCode} 已恢复${windowsLabel(c.windows)}上岗${task ? `，设备任务 ${task}` : ''}。` },
    `gb:${c.no}:resume:office`,
  );
  return null;
}
