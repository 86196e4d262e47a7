import { z } from 'zod';
import { openAttachmentSlot } from '../src/kernel/attachments';
import { chiefRepOf, findWindow } from '../src/kernel/directory';
import { UserError } from '../src/kernel/errors';
import { greyClickedCard } from '../src/kernel/card-reply';
import { loadClosure } from '../src/domain/windows/closures';
import { activeClosureOf, confirmArrival } from '../src/domain/windows/closure-lifecycle';
import { checkOwnOrOffice } from '../src/domain/windows/common';
import { recordProcedureViolation } from '../src/domain/windows/procedure';
import { keepClosure, reclaim } from '../src/domain/windows/reclaim';
import { RESUME_PLAN, ackResume, orderResume } from '../src/domain/windows/resume';
import { windowsLabel } from '../src/domain/windows/rules';
import { reclaimedReply } from './window-replies';
import { hasRole } from '../src/kernel/permissions';
import type { CardAction } from '../src/kernel/card';
import { defineCommand } from '../src/kernel/command';

// docs/commands.md after approval: 窗口 到岗 (WIN-07), 窗口 收回 (WIN-08), 窗口 恢复上岗 (WIN-11) and the
// cards `reclaim:` / `keep:` (WIN-08) and `ack_resume:` (WIN-11).

const gbRef = z.string().describe('申请编号（GB…）');

export const windowArrive = defineCommand({
  name: '窗口 到岗',
  group: '窗口',
  summary: '临时关闭到期：确认人员到岗，窗口恢复在用并生成设备任务',
  roles: ['hall_office'],
  usage: '窗口 到岗 <GB号>',
  examples: ['窗口 到岗 GB2026-GA-003'],
  rules: ['WIN-06', 'WIN-07'],
  positional: ['编号'],
  args: () => z.object({ 编号: gbRef }),
  async handle(ctx, args) {
    const c = await loadClosure(ctx, args.编号);
    const task = await confirmArrival(ctx, c);
    await ctx.reply(`✅ ${windowsLabel(c.windows)}恢复在用，${task} 调屏/评价器/叫号机`);
  },
});

export const windowReclaim = defineCommand({
  name: '窗口 收回',
  group: '窗口',
  summary: '收回连续临时关闭超过1个月的窗口为备用窗口（季节性除外）',
  roles: ['hall_office'],
  usage: '窗口 收回 <窗口号>',
  examples: ['窗口 收回 13号窗'],
  rules: ['WIN-08'],
  positional: ['窗口'],
  args: () => z.object({ 窗口: z.string().describe('窗口号') }),
  async handle(ctx, args) {
    const w = await findWindow(ctx.m, args.窗口);
    const c = await activeClosureOf(ctx, w.number);
    if (!c) throw new UserError(`${w.number}号窗没有生效中的临时关闭（当前：${w.status}）。`);
    await ctx.reply(reclaimedReply(c, await reclaim(ctx, c)));
  },
});

export const windowResume = defineCommand({
  name: '窗口 恢复上岗',
  group: '窗口',
  summary: '临时关闭期间业务量骤增：要求部门立即恢复上岗并上传预案',
  roles: ['hall_office'],
  usage: '窗口 恢复上岗 <GB号> 说明=…',
  examples: ['窗口 恢复上岗 GB2026-GA-003 说明=户籍业务排队超过30人'],
  rules: ['WIN-11'],
  positional: ['编号'],
  args: () => z.object({ 编号: gbRef, 说明: z.string().trim().min(2).describe('骤增情况') }),
  async handle(ctx, args) {
    const c = await loadClosure(ctx, args.编号);
    await orderResume(ctx, c, args.说明);
    await ctx.reply(`✅ 已要求 ${c.departmentCode} 立即恢复${windowsLabel(c.windows)}并上传预案`);
  },
});

export const windowResumePlan = defineCommand({
  name: '窗口 预案',
  group: '窗口',
  summary: '上传恢复上岗的工作预案（发送命令后10分钟内发送文件）',
  roles: ['staff', 'window_lead', 'chief_rep'],
  usage: '窗口 预案 <GB号>',
  examples: ['窗口 预案 GB2026-GA-003'],
  rules: ['WIN-11'],
  positional: ['编号'],
  args: () => z.object({ 编号: gbRef }),
  async handle(ctx, args) {
    const c = await loadClosure(ctx, args.编号);
    checkOwnOrOffice(ctx, c.departmentCode, c.no);
    await openAttachmentSlot(ctx, 'window_closure', c.no, RESUME_PLAN);
    await ctx.reply(`请在10分钟内发送 ${c.no} 的工作预案（照片或文件）。`);
  },
});

export const windowViolation = defineCommand({
  name: '窗口 违规',
  group: '窗口',
  summary: '记录部门未按程序调整窗口（扣分事件＋评优资格卡片）',
  roles: ['hall_office'],
  usage: '窗口 违规 <GB号|BG号|部门> 说明=… [来源=…]',
  examples: ['窗口 违规 GA 来源=13号窗 说明=未经批准擅自关闭窗口'],
  rules: ['WIN-13', 'PRF-14', 'PRF-17'],
  positional: ['对象'],
  args: () =>
    z.object({
      对象: z.string().describe('GB/BG编号或部门代码'),
      说明: z.string().trim().min(2).describe('违规情况'),
      来源: z.string().optional(),
    }),
  async handle(ctx, args) {
    const r = await recordProcedureViolation(ctx, args.对象, args.说明, args.来源);
    await ctx.reply(
      `✅ 已记录 ${r.departmentCode} 违反窗口调整程序（rule WIN-13，${r.source}），扣分事件 ${r.deductionNo}`,
    );
  },
});

/** WIN-11: the 首席代表 of the closed window's department acknowledges the order to resume. */
async function closureChief(ctx: Parameters<CardAction['handle']>[0], no: string): Promise<string[]> {
  const c = await loadClosure(ctx, no).catch(() => undefined);
  const chief = c && (await chiefRepOf(ctx.m, c.departmentCode).catch(() => undefined));
  return chief ? [chief.userid] : [];
}

/** WIN-08 card buttons (to 大厅管理室) and the WIN-11 acknowledgement (to the 首席代表). */
export const windowCardActions: CardAction[] = [
  {
    verb: 'reclaim',
    who: { roles: ['hall_office'] },
    async handle(ctx, id, click) {
      if (!hasRole(ctx.actor, 'hall_office')) throw new UserError('只有大厅管理室可以收回窗口。');
      const c = await loadClosure(ctx, id);
      const task = await reclaim(ctx, c);
      await greyClickedCard(ctx, click, '已收回');
      await ctx.reply(reclaimedReply(c, task));
    },
  },
  {
    verb: 'keep',
    who: { roles: ['hall_office'] },
    async handle(ctx, id, click) {
      if (!hasRole(ctx.actor, 'hall_office')) throw new UserError('只有大厅管理室可以处理。');
      const c = await loadClosure(ctx, id);
      await keepClosure(ctx, c);
      await greyClickedCard(ctx, click, '暂不收回');
      await ctx.reply(`✅ ${c.no} 暂不收回，${windowsLabel(c.windows)}继续临时关闭至 ${c.toDate}`);
    },
  },
  {
    verb: 'ack_resume',
    who: { holders: closureChief, describe: '该部门首席代表' },
    async handle(ctx, id, click) {
      const c = await loadClosure(ctx, id);
      const ackedOn = await ackResume(ctx, c);
      if (ackedOn) {
        await ctx.reply(`已确认：${c.no} 已于 ${ackedOn} 恢复上岗。`);
        return;
      }
      await greyClickedCard(ctx, click, '已安排上岗');
      await ctx.reply(`✅ ${windowsLabel(c.windows)}已恢复上岗。请在10分钟内发送工作预案（照片或文件），rule WIN-11。`);
    },
  },
];
