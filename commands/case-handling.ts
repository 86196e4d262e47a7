import { z } from 'zod';
import { deliverCase, finishCase, withdrawCase } from '../src/domain/cases/closing';
import { consultNote, extendCase, pauseCase, resumeCase } from '../src/domain/cases/clock-events';
import { CASE_WORKERS } from '../src/domain/cases/model';
import { addParallel } from '../src/domain/cases/parallel';
import { defineCommand } from '../src/kernel/command';
import { ajNo } from './case-intake';

// 办件 after 受理 (docs/commands.md): 中止/恢复 (CAS-12), 延期 (CAS-10), 会商 (CAS-09), 并联 (CAS-22),
// 办结 (CAS-15), 出件 (CAS-15/24), 撤回 (CAS-16).

export const casePause = defineCommand({
  name: '办件 中止',
  group: '办件',
  summary: '中止时限（仅现场踏勘/现场核查/技术审查/听证论证）',
  roles: CASE_WORKERS,
  usage: '办件 中止 <AJ号> 原因=现场踏勘|现场核查|技术审查|听证论证 已告知=是',
  examples: ['办件 中止 AJ1234 原因=现场踏勘 已告知=是'],
  rules: ['CAS-12', 'OPEN #59'],
  positional: ['编号'],
  args: () =>
    z.object({
      编号: ajNo,
      原因: z.string({ error: '缺少原因' }).min(1).describe('中止原因'),
      已告知: z.string().optional(),
    }),
  async handle(ctx, a) {
    await ctx.reply(await pauseCase(ctx, a.编号, a.原因.trim(), a.已告知?.trim()));
  },
});

export const caseResume = defineCommand({
  name: '办件 恢复',
  group: '办件',
  summary: '恢复中止的时限（中止期间不计入）',
  roles: CASE_WORKERS,
  usage: '办件 恢复 <AJ号>',
  examples: ['办件 恢复 AJ1234'],
  rules: ['CAS-12'],
  positional: ['编号'],
  args: () => z.object({ 编号: ajNo }),
  async handle(ctx, a) {
    await ctx.reply(await resumeCase(ctx, a.编号));
  },
});

export const caseExtend = defineCommand({
  name: '办件 延期',
  group: '办件',
  summary: '延期（须写原因和新期限，生成书面延期告知）',
  roles: CASE_WORKERS,
  usage: '办件 延期 <AJ号> 新期限=<日期> 原因=…',
  examples: ['办件 延期 AJ1234 新期限=3月20日 原因=需补充专家论证'],
  rules: ['CAS-10'],
  positional: ['编号'],
  args: (t) => z.object({ 编号: ajNo, 新期限: t.date('新期限'), 原因: z.string().optional() }),
  async handle(ctx, a) {
    await ctx.reply(await extendCase(ctx, a.编号, a.新期限, a.原因));
  },
});

export const caseConsult = defineCommand({
  name: '办件 会商',
  group: '办件',
  summary: '记录会商或请示情况',
  roles: CASE_WORKERS,
  usage: '办件 会商 <AJ号> 说明=…',
  examples: ['办件 会商 AJ1234 说明=与不动产中心会商，确认需补测绘报告'],
  rules: ['CAS-09'],
  positional: ['编号'],
  args: () => z.object({ 编号: ajNo, 说明: z.string({ error: '缺少说明' }).min(2).max(500).describe('会商说明') }),
  async handle(ctx, a) {
    await ctx.reply(await consultNote(ctx, a.编号, a.说明));
  },
});

export const caseParallel = defineCommand({
  name: '办件 并联',
  group: '办件',
  summary: '并联审批：各部门分别计时；完成=<代码> 记一个部门完成',
  roles: CASE_WORKERS,
  usage: '办件 并联 <AJ号> 部门=<代码>[:<工作日>],… | 完成=<代码>',
  examples: ['办件 并联 AJ1234 部门=GA:3,BDC:5', '办件 并联 AJ1234 完成=GA'],
  rules: ['CAS-22'],
  positional: ['编号'],
  args: () => z.object({ 编号: ajNo, 部门: z.string().optional(), 完成: z.string().optional() }),
  async handle(ctx, a) {
    await ctx.reply(await addParallel(ctx, a.编号, a.部门, a.完成));
  },
});

export const caseFinish = defineCommand({
  name: '办件 办结',
  group: '办件',
  summary: '办结（生成办结告知任务，出件窗口告知申请人）',
  roles: CASE_WORKERS,
  usage: '办件 办结 <AJ号> 结果=…',
  examples: ['办件 办结 AJ1234 结果=准予迁入'],
  rules: ['CAS-15'],
  positional: ['编号'],
  args: () => z.object({ 编号: ajNo, 结果: z.string({ error: '缺少结果' }).min(1).max(200).describe('办理结果') }),
  async handle(ctx, a) {
    await ctx.reply(await finishCase(ctx, a.编号, a.结果));
  },
});

export const caseDeliver = defineCommand({
  name: '办件 出件',
  group: '办件',
  summary: '出件登记（现场/专递/网上），办件关闭',
  roles: CASE_WORKERS,
  usage: '办件 出件 <AJ号> 方式=现场|专递|网上 [告知=电话|短信 取件地=申请地|属地 许可证=<编号>]',
  examples: ['办件 出件 AJ1234 方式=现场 告知=短信', '办件 出件 AJ1240 方式=专递 取件地=属地'],
  rules: ['CAS-15', 'CAS-24', 'MAIL-01'],
  positional: ['编号'],
  args: () =>
    z.object({
      编号: ajNo,
      方式: z.enum(['现场', '专递', '网上'], { error: '方式应为 现场、专递 或 网上' }),
      告知: z.enum(['电话', '短信'], { error: '告知应为 电话 或 短信' }).optional(),
      取件地: z.enum(['申请地', '属地'], { error: '取件地应为 申请地 或 属地' }).optional(),
      许可证: z.string().min(1).max(64).optional().describe('一证通 行业综合许可证编号'),
    }),
  async handle(ctx, a) {
    await ctx.reply(await deliverCase(ctx, a.编号, a));
  },
});

export const caseWithdraw = defineCommand({
  name: '办件 撤回',
  group: '办件',
  summary: '申请人撤回（按审批不通过办结，须写原因）',
  roles: CASE_WORKERS,
  usage: '办件 撤回 <AJ号> 原因=…',
  examples: ['办件 撤回 AJ1234 原因=申请人自愿撤回'],
  rules: ['CAS-16', 'OPEN #45'],
  positional: ['编号'],
  args: () => z.object({ 编号: ajNo, 原因: z.string().optional() }),
  async handle(ctx, a) {
    await ctx.reply(await withdrawCase(ctx, a.编号, a.原因));
  },
});
