import { z } from 'zod';
import { openAttachmentSlot } from '../src/kernel/attachments';
import { replyList } from '../src/kernel/replies';
import { endComplaint, endReasonCode, transferOut, withdrawComplaint } from '../src/domain/complaints/closing';
import { recordInvalid, pendingIntakes, registerComplaint, reportIntake } from '../src/domain/complaints/intake';
import { purposeFor } from '../src/domain/complaints/materials';
import { CATEGORIES, END_REASONS, SUBJECT } from '../src/domain/complaints/model';
import { loadComplaint } from '../src/domain/complaints/store';
import { defineCommand } from '../src/kernel/command';

// 投诉 登记受理 and the off-ramps (docs/commands.md; CMP-01…06, CMP-14, CMP-20, D4, REC-01).

const NATURE_ALIASES: Record<string, string> = {
  较重: '情节较重、影响较大',
  情节较重: '情节较重、影响较大',
  影响较大: '情节较重、影响较大',
  建议: '意见建议类',
  意见建议: '意见建议类',
  意见: '意见建议类',
};
export const natureArg = z
  .string()
  .transform((s) => NATURE_ALIASES[s.trim()] ?? s.trim())
  .describe('性质：意见建议类/一般/较重/重大');
const yesNo = z.enum(['是', '否']);
const intakeRef = z
  .string()
  .regex(/^#?\d+$/, '形如 #7')
  .transform((s) => Number(s.replace('#', '')))
  .describe('待登记编号');
export const complaintNo = z.string().min(3).describe('投诉编号（TS2026-0012 或 TS12）');

export const complaintRegister = defineCommand({
  name: '投诉 登记',
  group: '投诉',
  summary: '登记投诉（投诉登记表），信访举报用 类型=信访举报',
  roles: ['hall_office'],
  usage:
    '投诉 登记 对象=<部门/窗口/人> 事项=… 方式=<渠道> 类别=… [性质= 姓名= 电话= 地址= 保密=是 类型=信访举报 平台期限= 工单号= 差评号= 来源=#7]',
  examples: [
    '投诉 登记 对象=12号窗 事项=态度生硬，未一次性告知材料 方式=导服转交 姓名=王某 电话=13912345678 保密=是 类别=服务态度',
    '投诉 登记 类型=信访举报 对象=BDC 事项=… 方式=大厅管理室',
  ],
  rules: ['CMP-01', 'CMP-02', 'CMP-03', 'CMP-04', 'CMP-07', 'CMP-08', 'CMP-20', 'REC-01', 'OPEN #14'],
  args: (t) =>
    z.object({
      对象: z.string().optional(),
      部门: z.string().optional(),
      窗口: z.string().optional(),
      人员: z.string().optional(),
      事项: z.string().optional(),
      内容: z.string().optional(),
      方式: z.string().optional().describe('投诉方式'),
      类型: z.enum(['投诉', '信访举报']).optional(),
      时间: t.date('投诉时间').optional(),
      姓名: z.string().max(32).optional(),
      电话: z.string().max(32).optional(),
      地址: z.string().max(128).optional(),
      保密: yesNo.optional(),
      类别: z.enum(CATEGORIES).optional(),
      性质: natureArg.optional(),
      原因: z.string().optional(),
      要求: z.string().optional(),
      平台期限: t.date('平台答复期限').optional(),
      工单号: z.string().max(32).optional(),
      差评号: z
        .string()
        .regex(/^CP\d{4}-\d{4}$/i, '差评号形如 CP2026-0011')
        .optional(),
      来源: intakeRef.optional(),
    }),
  async handle(ctx, a) {
    const { reply } = await registerComplaint(ctx, {
      type: a.类型 ?? '投诉',
      channel: a.方式,
      receivedOn: a.时间,
      name: a.姓名,
      phone: a.电话,
      address: a.地址,
      confidential: a.保密 === '是',
      对象: a.对象,
      部门: a.部门,
      窗口: a.窗口,
      人员: a.人员,
      matter: a.事项 ?? a.内容,
      cause: a.原因,
      demand: a.要求,
      category: a.类别,
      nature: a.性质,
      platformDue: a.平台期限,
      platformRef: a.差评号?.toUpperCase() ?? a.工单号,
      intakeId: a.来源,
    });
    await ctx.reply(reply);
  },
});

export const complaintInvalid = defineCommand({
  name: '投诉 无效',
  group: '投诉',
  summary: '记录无效投诉（无编号）：缺被投诉对象或事项、无理取闹',
  roles: ['hall_office'],
  usage: '投诉 无效 说明=… [来源=#7]',
  examples: ['投诉 无效 说明=来电未说明被投诉对象，拒绝提供信息'],
  rules: ['CMP-04', 'OPEN #10'],
  args: () => z.object({ 说明: z.string().min(2).describe('说明'), 来源: intakeRef.optional() }),
  async handle(ctx, a) {
    await ctx.reply(await recordInvalid(ctx, a.说明, a.来源));
  },
});

export const complaintReport = defineCommand({
  name: '投诉 上报',
  group: '投诉',
  summary: '把现场收到的投诉转给大厅管理室登记',
  roles: ['guide', 'staff', 'window_lead'],
  usage: '投诉 上报 内容=… [对象=]',
  examples: ['投诉 上报 对象=12号窗 内容=群众反映办理户籍迁入时态度生硬，材料没有一次说清'],
  rules: ['CMP-02', 'D4'],
  args: () => z.object({ 内容: z.string().min(2).describe('投诉内容'), 对象: z.string().optional() }),
  async handle(ctx, a) {
    const id = await reportIntake(ctx, a.内容, a.对象);
    await ctx.reply(`✅ 已转大厅管理室（待登记 #${id}）`);
  },
});

export const complaintTriage = defineCommand({
  name: '投诉 待登记',
  group: '投诉',
  summary: '导服/窗口上报和差评转来的待登记投诉',
  roles: ['hall_office'],
  usage: '投诉 待登记',
  examples: ['投诉 待登记'],
  rules: ['D4', 'REV-02'],
  args: () => z.object({}),
  async handle(ctx) {
    const lines = await pendingIntakes(ctx);
    await replyList(ctx, `待登记 ${lines.length} 条（登记：投诉 登记 来源=#n …）`, lines, '没有待登记的投诉。');
  },
});

export const complaintReferOut = defineCommand({
  name: '投诉 转介',
  group: '投诉',
  summary: '不属受理范围：告知受理机关及联系方式并结案',
  roles: ['hall_office'],
  usage: '投诉 转介 <号> 机关=… 联系方式=…',
  examples: ['投诉 转介 TS12 机关=旗住建局 联系方式=0477-7211234'],
  rules: ['CMP-05'],
  positional: ['编号'],
  args: () =>
    z.object({
      编号: complaintNo,
      机关: z.string().min(2).describe('受理机关'),
      联系方式: z.string().min(3).describe('联系方式'),
    }),
  async handle(ctx, a) {
    const c = await loadComplaint(ctx, a.编号);
    await transferOut(ctx, c, a.机关, a.联系方式);
    await ctx.reply(`✅ ${c.no} 不属受理范围，已告知 ${a.机关} ${a.联系方式}`);
  },
});

export const complaintWithdraw = defineCommand({
  name: '投诉 撤销',
  group: '投诉',
  summary: '投诉人自愿撤销（须记录投诉人确认）',
  roles: ['hall_office'],
  usage: '投诉 撤销 <号> 确认=…',
  examples: ['投诉 撤销 TS12 确认=投诉人电话确认了解办事程序后自愿撤销'],
  rules: ['CMP-06'],
  positional: ['编号'],
  args: () => z.object({ 编号: complaintNo, 确认: z.string().min(2).describe('投诉人确认记录') }),
  async handle(ctx, a) {
    const c = await loadComplaint(ctx, a.编号);
    await withdrawComplaint(ctx, c, a.确认);
    await ctx.reply(`✅ ${c.no} 已撤销（投诉人确认）`);
  },
});

export const complaintEnd = defineCommand({
  name: '投诉 终结',
  group: '投诉',
  summary: `终结投诉：${Object.keys(END_REASONS).join('/')}`,
  roles: ['hall_office'],
  usage: `投诉 终结 <号> 原因=${Object.keys(END_REASONS).join('|')} [说明=…]`,
  examples: ['投诉 终结 TS12 原因=自愿放弃', '投诉 终结 TS12 原因=复议诉讼 说明=投诉人已申请行政复议'],
  rules: ['CMP-14'],
  positional: ['编号'],
  args: () => z.object({ 编号: complaintNo, 原因: z.string().describe('终结原因'), 说明: z.string().optional() }),
  async handle(ctx, a) {
    const c = await loadComplaint(ctx, a.编号);
    const code = endReasonCode(a.原因);
    await endComplaint(ctx, c, code, a.说明);
    await ctx.reply(`✅ ${c.no} 已终结：${code}`);
  },
});

export const complaintMaterial = defineCommand({
  name: '投诉 材料',
  group: '投诉',
  summary: '为投诉上传材料（书面材料、工单、签字盖章的落实情况）',
  roles: ['hall_office', 'chief_rep'],
  usage: '投诉 材料 <号> [用途=书面材料|工单|调查记录|落实情况]',
  examples: ['投诉 材料 TS12', '投诉 材料 TS12 用途=工单'],
  rules: ['CMP-03', 'CMP-12', 'REC-03'],
  positional: ['编号'],
  args: () => z.object({ 编号: complaintNo, 用途: z.enum(['书面材料', '工单', '调查记录', '落实情况']).optional() }),
  async handle(ctx, a) {
    const c = await loadComplaint(ctx, a.编号);
    const purpose = await purposeFor(ctx, c, a.用途);
    await openAttachmentSlot(ctx, SUBJECT, c.no, purpose);
    await ctx.reply(`请在10分钟内发送 ${c.no} 的${purpose}（照片或文件）。`);
  },
});
