import { z } from 'zod';
import { Talk } from '../entities/talk';
import { findDepartment } from '../src/kernel/directory';
import { previousMonth } from '../src/domain/briefings/schedule';
import { talkCandidates } from '../src/domain/briefings/talk-candidates';
import { confirmTalk, recordTalk, TARGETS } from '../src/domain/briefings/talks';
import { dayOfNextMonth } from '../src/calendar/conventions';
import { cnDate, localDate } from '../src/kernel/time';
import { defineCommand } from '../src/kernel/command';

// BRF-04…BRF-06 (docs/commands.md): 约谈 candidates (OPEN #19/#20), confirmation, the 约谈记录 (OPEN #23).

const monthOf = (ctx: { now: Date }, m: string | undefined) => m ?? previousMonth(localDate(ctx.now));

export const talkCandidatesCmd = defineCommand({
  name: '约谈 候选',
  group: '通报',
  summary: '上月（或指定月份）约谈候选部门及依据',
  roles: ['hall_office', 'leader'],
  usage: '约谈 候选 [月份]',
  examples: ['约谈 候选', '约谈 候选 2026-02'],
  rules: ['BRF-04', 'BRF-05', 'OPEN #19', 'OPEN #20'],
  positional: ['月份'],
  args: (t) => z.object({ 月份: t.month('月份').optional() }),
  async handle(ctx, a) {
    const month = monthOf(ctx, a.月份);
    const list = await talkCandidates(ctx.m, month);
    const stored = await ctx.m.find(Talk, { where: { month } });
    const status = (code: string, target: string) =>
      stored.find((t) => t.departmentCode === code && t.target === target)?.status;
    const extra = stored.filter(
      (t) => !list.some((c) => c.departmentCode === t.departmentCode && c.target === t.target),
    );
    const parts = [
      ...list.map(
        (c) =>
          `${c.departmentCode}${c.target === '分管领导' ? '（分管领导）' : ''}（${c.reasons.join('、')}）${status(c.departmentCode, c.target) && status(c.departmentCode, c.target) !== '候选' ? `｜${status(c.departmentCode, c.target)}` : ''}`,
      ),
      ...extra.map((t) => `${t.departmentCode}（${t.reasons}）｜${t.status}`),
    ];
    await ctx.reply(
      `${Number(month.slice(5, 7))}月约谈候选：${parts.join('、') || '无'}${parts.length ? `\n确认：约谈 确认 <部门> 对象=首席代表｜须于${cnDate(dayOfNextMonth(month, 10))}前完成` : ''}`,
    );
  },
});

export const talkConfirm = defineCommand({
  name: '约谈 确认',
  group: '通报',
  summary: '确认约谈对象（首席代表或分管领导），须于下月10日前完成',
  roles: ['hall_office'],
  usage: '约谈 确认 <部门> 对象=首席代表|分管领导 [月份=]',
  examples: ['约谈 确认 GA 对象=首席代表'],
  rules: ['BRF-04', 'BRF-05', 'OPEN #2'],
  positional: ['部门'],
  args: (t) =>
    z.object({
      部门: z.string().describe('部门'),
      对象: z.enum(TARGETS).describe('约谈对象'),
      月份: t.month('月份').optional(),
    }),
  async handle(ctx, a) {
    const code = (await findDepartment(ctx.m, a.部门)).code;
    const t = await confirmTalk(ctx, monthOf(ctx, a.月份), code, a.对象);
    await ctx.reply(`✅ ${code} 约谈${a.对象}，须于${cnDate(t.deadline)}前完成`);
  },
});

export const talkRecord = defineCommand({
  name: '约谈 记录',
  group: '通报',
  summary: '登记约谈记录（9项），送中心领导审定；审定后编号并下达整改',
  roles: ['hall_office'],
  usage: '约谈 记录 <部门> 日期=… 约谈人=@… 意见=… 整改=… 期限=… [对象=首席代表|分管领导 月份= 约谈对象= 问题=]',
  examples: ['约谈 记录 GA 日期=3月6日 约谈人=@陈主任,@赵敏 意见=人员紧张 整改=落实AB岗 期限=3月20日'],
  rules: ['BRF-04', 'BRF-05', 'BRF-06', 'OPEN #23'],
  positional: ['部门'],
  args: (t) =>
    z.object({
      部门: z.string().describe('部门'),
      日期: t.date('约谈日期'),
      约谈人: z.string().min(1, '不能为空').describe('约谈人'),
      意见: z.string().min(1, '不能为空').describe('听取的意见建议'),
      整改: z.string().min(2, '至少2个字').describe('整改要求'),
      期限: t.date('整改期限'),
      对象: z.enum(TARGETS).optional(),
      月份: t.month('月份').optional(),
      约谈对象: z.string().optional(),
      问题: z.string().optional(),
    }),
  async handle(ctx, a) {
    const code = (await findDepartment(ctx.m, a.部门)).code;
    const talkers = a.约谈人
      .split(/[,，、\s]+/)
      .map((s) => s.replace(/^@/, ''))
      .filter(Boolean)
      .join('、');
    const { talk, sp } = await recordTalk(ctx, {
      month: monthOf(ctx, a.月份),
      code,
      target: a.对象 ?? '首席代表',
      date: a.日期,
      talkers,
      targetName: a.约谈对象,
      issues: a.问题,
      opinions: a.意见,
      requirements: a.整改,
      due: a.期限,
    });
    await ctx.reply(
      `✅ 约谈记录 ${sp} 已送中心领导审定${talk.late ? `（约谈日期晚于${cnDate(talk.deadline)}，已标记逾期）` : ''}`,
    );
  },
});
