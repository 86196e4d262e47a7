import { z } from 'zod';
import { KeyTask } from '../entities/key-task';
import { findPerson, personName } from '../src/kernel/directory';
import { replyList } from '../src/kernel/replies';
import { fileAppeal, resolveUnfounded, upholdAppeals } from '../src/domain/accountability/appeals';
import { assignTask, completeTask, taskByRef } from '../src/domain/accountability/key-tasks';
import { MEASURES, parseMeasure, recordMeasure, subjectOf } from '../src/domain/accountability/measures';
import { dispute } from '../src/domain/inspections/disputes';
import { localDate, shortDate } from '../src/kernel/time';
import { defineCommand } from '../src/kernel/command';

// ACC-01, ACC-02, ACC-03, ACC-06, ACC-07 (docs/commands.md): 问效 records, appeals, 不成立 / 澄清, 督办 tasks.

export const accMeasure = defineCommand({
  name: '问效 措施',
  group: '整改问效',
  summary: '对人员或部门采取问效措施（限期整改、诫勉谈话、通报批评、书面检查、取消评优、调离岗位、其他）',
  roles: ['hall_office', 'leader'],
  usage: `问效 措施 <人|部门> 措施=${MEASURES.join('|')} 来源=<号> [说明=]`,
  examples: ['问效 措施 GA 措施=书面检查 来源=WT87', '问效 措施 @李四 措施=诫勉谈话 来源=TS12 说明=态度生硬屡教不改'],
  rules: ['ACC-01', 'ACC-06', 'PRF-17'],
  positional: ['对象'],
  args: () =>
    z.object({
      对象: z.string().describe('人员或部门'),
      措施: z.string().describe('措施'),
      来源: z.string().optional(),
      说明: z.string().optional(),
    }),
  async handle(ctx, a) {
    const subject = await subjectOf(ctx, a.对象);
    const measure = parseMeasure(a.措施);
    const { no, extra } = await recordMeasure(ctx, subject, measure, a.来源, a.说明);
    await ctx.reply(`✅ ${no} ${subject.label} ${measure}${a.来源 ? `（来源 ${a.来源.toUpperCase()}）` : ''}${extra}`);
  },
});

export const accAppeal = defineCommand({
  name: '问效 申辩',
  group: '整改问效',
  summary: '对巡查发现、扣分、问效记录等举证解释和申诉申辩（可随后发送证据）',
  roles: ['chief_rep', 'staff', 'window_lead'],
  usage: '问效 申辩 <号> 理由=…',
  examples: ['问效 申辩 WT87 理由=当时在后台取件，有监控为证', '问效 申辩 KF2026-0031 理由=已按期整改'],
  rules: ['ACC-03', 'OPEN #17'],
  positional: ['编号'],
  args: () => z.object({ 编号: z.string().describe('编号'), 理由: z.string().min(2, '至少2个字').describe('理由') }),
  async handle(ctx, a) {
    // A finding still inside its dispute window is disputed the INS-09 way (card to the recorder).
    if (/^WT/i.test(a.编号.trim())) {
      await ctx.reply(await dispute(ctx, a.编号, a.理由));
      return;
    }
    await fileAppeal(ctx, a.编号, a.理由);
    await ctx.reply('✅ 申辩已提交大厅管理室，证据材料请在10分钟内发送');
  },
});

export const accUnfounded = defineCommand({
  name: '问效 不成立',
  group: '整改问效',
  summary: '经核实问题不成立：明确告知被监督部门，相关扣分不计',
  roles: ['hall_office'],
  usage: '问效 不成立 <号> 说明=…',
  examples: ['问效 不成立 WT87 说明=监控显示已放暂停服务牌'],
  rules: ['ACC-03', 'CMP-18'],
  positional: ['编号'],
  args: () => z.object({ 编号: z.string().describe('编号'), 说明: z.string().min(2, '至少2个字').describe('说明') }),
  async handle(ctx, a) {
    const s = await resolveUnfounded(ctx, a.编号, a.说明, '不成立');
    await ctx.reply(`✅ 已通知 ${s.departmentCode ?? '相关部门'}：${s.no.replace(/^([A-Z]{2})\d{4}-0*/, '$1')} 不成立`);
  },
});

export const accClarify = defineCommand({
  name: '问效 澄清',
  group: '整改问效',
  summary: '容错免责：予以澄清，不纳入扣分',
  roles: ['hall_office'],
  usage: '问效 澄清 <号> 说明=…',
  examples: ['问效 澄清 TS12 说明=投诉不实，予以澄清'],
  rules: ['ACC-07', 'CMP-18'],
  positional: ['编号'],
  args: () => z.object({ 编号: z.string().describe('编号'), 说明: z.string().min(2, '至少2个字').describe('说明') }),
  async handle(ctx, a) {
    const s = await resolveUnfounded(ctx, a.编号, a.说明, '澄清');
    await ctx.reply(`✅ ${s.no} 已澄清，扣分不计（已通知 ${s.departmentCode ?? '相关人员'}）`);
  },
});

export const accUphold = defineCommand({
  name: '问效 维持',
  group: '整改问效',
  summary: '申辩经核实不予采纳，维持原认定',
  roles: ['hall_office'],
  usage: '问效 维持 <号> 说明=…',
  examples: ['问效 维持 KF2026-0031 说明=验收时仍有空岗'],
  rules: ['ACC-03'],
  positional: ['编号'],
  args: () => z.object({ 编号: z.string().describe('编号'), 说明: z.string().min(2, '至少2个字').describe('说明') }),
  async handle(ctx, a) {
    await upholdAppeals(ctx, a.编号, a.说明);
    await ctx.reply(`✅ ${a.编号.toUpperCase()} 申辩不予采纳，维持原认定`);
  },
});

export const keyTaskAssign = defineCommand({
  name: '督办 交办',
  group: '整改问效',
  summary: '交办中心重大事项或重点工作，到期前一个工作日和逾期提醒',
  roles: ['leader', 'hall_office'],
  usage: '督办 交办 内容=… 责任人=@… 期限=<日期>',
  examples: ['督办 交办 内容=完成叫号系统升级 责任人=@钱进 期限=3月20日'],
  rules: ['ACC-02'],
  args: (t) =>
    z.object({
      内容: z.string().min(2, '至少2个字').describe('内容'),
      责任人: z.string().describe('责任人'),
      期限: t.date('期限'),
    }),
  async handle(ctx, a) {
    const t = await assignTask(ctx, a.内容, await findPerson(ctx.m, a.责任人), a.期限);
    await ctx.reply(`✅ ${t.no} 期限 ${shortDate(t.dueDate)}`);
  },
});

export const keyTaskDone = defineCommand({
  name: '督办 完成',
  group: '整改问效',
  summary: '报告督办任务完成',
  roles: ['leader', 'hall_office', 'staff', 'chief_rep', 'window_lead', 'guide', 'supervisor'],
  usage: '督办 完成 <DB号>',
  examples: ['督办 完成 DB2026-007'],
  rules: ['ACC-02'],
  positional: ['编号'],
  args: () => z.object({ 编号: z.string().describe('督办编号') }),
  async handle(ctx, a) {
    const t = await taskByRef(ctx, a.编号);
    const done = await completeTask(ctx, t);
    await ctx.reply(
      done ? `✅ ${t.no} 已完成${t.dueDate < localDate(ctx.now) ? '（逾期完成）' : ''}` : `已处理：${t.no} 已完成。`,
    );
  },
});

export const keyTaskList = defineCommand({
  name: '督办 列表',
  group: '整改问效',
  summary: '进行中的督办任务',
  roles: ['leader', 'hall_office', 'supervisor'],
  usage: '督办 列表',
  examples: ['督办 列表'],
  rules: ['ACC-02'],
  args: () => z.object({}),
  async handle(ctx) {
    const rows = await ctx.m.find(KeyTask, { where: { status: '进行中' }, order: { dueDate: 'ASC' } });
    await replyList(
      ctx,
      `进行中的督办任务 ${rows.length} 项`,
      await Promise.all(
        rows.map(async (t) => `${t.no} ${shortDate(t.dueDate)} ${await personName(ctx.m, t.owner)}｜${t.content}`),
      ),
      '没有进行中的督办任务。',
    );
  },
});
