import { z } from 'zod';
import { findDepartment } from '../src/kernel/directory';
import { UserError } from '../src/kernel/errors';
import { previousMonth } from '../src/domain/briefings/schedule';
import { deptProblemCount, renderDept, type WrittenContent } from '../src/domain/briefings/written-content';
import { editWrittenSection, submitWrittenNotice, writtenNotice } from '../src/domain/briefings/written-notice';
import { dayOfNextMonth } from '../src/calendar/conventions';
import { cnDate, localDate } from '../src/kernel/time';
import { defineCommand } from '../src/kernel/command';

// BRF-01 / BRF-07 (docs/commands.md): the monthly 书面通报 draft — view, edit a department section, submit.

const monthOf = (ctx: { now: Date }, m: string | undefined) => m ?? previousMonth(localDate(ctx.now));

export const writtenView = defineCommand({
  name: '书面通报 查看',
  group: '通报',
  summary: '查看上月（或指定月份）书面通报草稿；加部门看该部门六项内容',
  roles: ['hall_office', 'leader', 'supervisor'],
  usage: '书面通报 查看 [月份] [部门=]',
  examples: ['书面通报 查看', '书面通报 查看 2026-02 部门=GA'],
  rules: ['BRF-01', 'BRF-07'],
  positional: ['月份'],
  args: (t) => z.object({ 月份: t.month('月份').optional(), 部门: z.string().optional() }),
  async handle(ctx, a) {
    const month = monthOf(ctx, a.月份);
    const n = await writtenNotice(ctx, month);
    if (!n) throw new UserError(`${month} 书面通报草稿尚未生成（每月第一个工作日自动生成）。`);
    const c = n.content as unknown as WrittenContent;
    if (a.部门) {
      const code = (await findDepartment(ctx.m, a.部门)).code;
      const d = c.departments.find((x) => x.code === code);
      if (!d) throw new UserError(`${month} 书面通报中没有部门 ${code}。`);
      await ctx.reply(renderDept(d));
      return;
    }
    const state = n.no ? `已发布 ${n.no}` : n.status === '待审定' ? `待审定（${n.approvalNo}）` : n.status;
    const busy = c.departments.filter((d) => deptProblemCount(d) > 0).map((d) => d.code);
    await ctx.reply(
      [
        `${Number(month.slice(5, 7))}月书面通报草稿：${c.departments.length}个部门，${state}`,
        ...c.general,
        `有通报事项：${busy.join('、') || '无'}`,
        `须于${cnDate(dayOfNextMonth(month, 15))}前印发｜查看部门：书面通报 查看 ${month} 部门=GA`,
      ].join('\n'),
    );
  },
});

export const writtenEdit = defineCommand({
  name: '书面通报 修改',
  group: '通报',
  summary: '修改书面通报某部门的段落（节=1-6 替换该项；不写节则作为补充说明）',
  roles: ['hall_office'],
  usage: '书面通报 修改 <部门> 文字=… [节=1-6 月份=]',
  examples: ['书面通报 修改 GA 节=1 文字=本月巡查发现空岗2次，已整改', '书面通报 修改 SB 文字=本月窗口服务规范'],
  rules: ['BRF-01', 'BRF-07'],
  positional: ['部门'],
  args: (t) =>
    z.object({
      部门: z.string().describe('部门'),
      文字: z.string().min(1).describe('文字'),
      节: z.coerce.number().int().min(1).max(6).optional(),
      月份: t.month('月份').optional(),
    }),
  async handle(ctx, a) {
    const code = (await findDepartment(ctx.m, a.部门)).code;
    await editWrittenSection(ctx, monthOf(ctx, a.月份), code, a.文字, a.节);
    await ctx.reply(`✅ ${code} ${a.节 ? `第（${a.节}）项` : '补充说明'}已更新`);
  },
});

export const writtenSubmit = defineCommand({
  name: '书面通报 送审',
  group: '通报',
  summary: '书面通报送中心领导审定（审定后编号印发）',
  roles: ['hall_office'],
  usage: '书面通报 送审 [月份]',
  examples: ['书面通报 送审', '书面通报 送审 2026-02'],
  rules: ['BRF-07', 'BRF-10'],
  positional: ['月份'],
  args: (t) => z.object({ 月份: t.month('月份').optional() }),
  async handle(ctx, a) {
    const month = monthOf(ctx, a.月份);
    const sp = await submitWrittenNotice(ctx, month);
    await ctx.reply(`✅ ${sp} 已送审，须${cnDate(dayOfNextMonth(month, 15))}前发布`);
  },
});
