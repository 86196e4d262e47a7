import { z } from 'zod';
import { Between } from 'typeorm';
import { DeductionEvent } from '../entities/deduction-event';
import { Department } from '../entities/department';
import { Person } from '../entities/person';
import { findDepartment, findPerson } from '../src/kernel/directory';
import { UserError } from '../src/kernel/errors';
import { hasRole } from '../src/kernel/permissions';
import { replyList } from '../src/kernel/replies';
import { awardDeciders, decideAward, recordDeduction } from '../src/domain/performance';
import { AwardFlag } from '../entities/award-flag';
import { insertRows } from '../src/db';
import { localDate, monthBounds } from '../src/kernel/time';
import type { CardAction } from '../src/kernel/card';
import { defineCommand } from '../src/kernel/command';

// PRF-14 / PRF-17 (docs/commands.md): deduction events and 评优 eligibility, shared by every rule domain.

const RULE_ID = z
  .string()
  .regex(/^[A-Z]{3,4}-\d{2}$/i, '规则编号形如 WIN-13')
  .transform((s) => s.toUpperCase());

/** A department code or a person typed in chat. */
async function subjectOf(m: Parameters<typeof findDepartment>[0], ref: string) {
  const dept = await m.findOne(Department, { where: { code: ref.trim().toUpperCase() } });
  if (dept) return { departmentCode: dept.code, personUserid: null as string | null, label: dept.code };
  const p: Person = await findPerson(m, ref);
  return { departmentCode: p.departmentCode, personUserid: p.userid, label: p.name };
}

export const deductionRecord = defineCommand({
  name: '扣分 登记',
  group: '绩效',
  summary: '登记扣分事件（规则编号＋来源记录），通知首席代表',
  roles: ['hall_office'],
  usage: '扣分 登记 <部门|人> 规则=<ID> 来源=<号> 说明=… [分值=]',
  examples: ['扣分 登记 GA 规则=WIN-13 来源=GB2026-GA-003 说明=未按程序关闭窗口'],
  rules: ['PRF-14', 'WIN-13', 'STF-10', 'SUS-10', 'OPEN #12'],
  positional: ['对象'],
  args: () =>
    z.object({
      对象: z.string().describe('部门代码或人员'),
      规则: RULE_ID.describe('规则编号'),
      来源: z.string().min(2).describe('来源记录编号'),
      说明: z.string().min(2).describe('说明'),
      分值: z.coerce.number().int().min(0).max(100).optional(),
    }),
  async handle(ctx, args) {
    const s = await subjectOf(ctx.m, args.对象);
    const no = await recordDeduction(ctx, {
      departmentCode: s.departmentCode,
      personUserid: s.personUserid,
      rule: args.规则,
      source: args.来源.toUpperCase(),
      note: args.说明,
      points: args.分值,
    });
    await ctx.reply(`✅ ${no} ${s.label}（${args.规则}，${args.来源.toUpperCase()}）`);
  },
});

export const deductionList = defineCommand({
  name: '扣分 列表',
  group: '绩效',
  summary: '按月查看扣分事件',
  roles: ['hall_office', 'leader', 'supervisor', 'chief_rep'],
  usage: '扣分 列表 [月份] [部门=]',
  examples: ['扣分 列表 上月', '扣分 列表 2026-03 部门=GA'],
  rules: ['PRF-14'],
  positional: ['月份'],
  args: (t) => z.object({ 月份: t.month('月份').optional(), 部门: z.string().optional() }),
  async handle(ctx, args) {
    const month = args.月份 ?? localDate(ctx.now).slice(0, 7);
    const { first, last } = monthBounds(`${month}-01`);
    let dept = args.部门 ? (await findDepartment(ctx.m, args.部门)).code : undefined;
    // DIR-10: a 首席代表 sees only its own department's rows.
    if (!hasRole(ctx.actor, 'hall_office', 'leader', 'supervisor')) dept = ctx.actor.departmentCode ?? '—';
    const rows = await ctx.m.find(DeductionEvent, {
      where: { date: Between(first, last), ...(dept ? { departmentCode: dept } : {}) },
      order: { id: 'ASC' },
    });
    await replyList(
      ctx,
      `${month}${dept ? ` ${dept}` : ''} 扣分事件 ${rows.length} 起`,
      rows.map(
        (r) =>
          `${r.no} ${r.departmentCode ?? ''} ${r.rule} ${r.source}${r.points ? ` ${r.points}分` : ''}${r.status === 'cleared' ? '（已澄清）' : ''}`,
      ),
    );
  },
});

export const awardCancel = defineCommand({
  name: '评优 取消',
  group: '绩效',
  summary: '取消个人或部门的年度评优资格',
  roles: ['hall_office'],
  usage: '评优 取消 <人|部门> 年度=<年> 规则=<ID> 来源=<号>',
  examples: ['评优 取消 李四 年度=2026 规则=CMP-19 来源=TS2026-0012'],
  rules: ['PRF-17'],
  positional: ['对象'],
  args: () =>
    z.object({
      对象: z.string(),
      年度: z.coerce.number().int().min(2022).max(2100),
      规则: RULE_ID,
      来源: z.string().min(2),
      说明: z.string().optional(),
    }),
  async handle(ctx, args) {
    const s = await subjectOf(ctx.m, args.对象);
    const subjectType = s.personUserid ? 'person' : 'department';
    const subjectId = s.personUserid ?? s.departmentCode;
    if (!subjectId) throw new UserError('无法确定评优对象。');
    const pending = await ctx.m.findOne(AwardFlag, {
      where: { subjectType, subjectId, year: args.年度, source: args.来源.toUpperCase(), status: 'pending' },
    });
    if (pending) {
      await decideAward(ctx, pending.id, true);
      return;
    }
    await insertRows(ctx.m, AwardFlag, {
      year: args.年度,
      subjectType,
      subjectId,
      rule: args.规则,
      source: args.来源.toUpperCase(),
      status: 'cancelled',
      decider: ctx.actor.userid,
      decidedBy: ctx.actor.userid,
      decidedAt: ctx.now,
      note: args.说明 ?? null,
      createdAt: ctx.now,
    });
    await ctx.audit('award.cancel', subjectType, subjectId, { year: args.年度, rule: args.规则, source: args.来源 });
    await ctx.reply(`✅ ${s.label} ${args.年度}年评优资格已取消（${args.规则}）`);
  },
});

/** Card buttons of the 评优 decision card (CMP-19, SUS-10, WIN-13, STF-10). */
export const awardCardActions: CardAction[] = [
  {
    verb: 'cancel_award',
    who: { holders: awardDeciders, describe: '评优决定人或大厅管理室' },
    handle: (ctx, id, click) => decideAward(ctx, Number(id), true, click),
  },
  {
    verb: 'keep_award',
    who: { holders: awardDeciders, describe: '评优决定人或大厅管理室' },
    handle: (ctx, id, click) => decideAward(ctx, Number(id), false, click),
  },
];
