import { z } from 'zod';
import { findDepartment } from '../src/kernel/directory';
import { archiveComplaint } from '../src/domain/complaints/closing';
import {
  forwardSuggestion,
  investigate,
  refer,
  reportImplementation,
  resolveOnSite,
} from '../src/domain/complaints/handling';
import { SATISFACTION, VERDICTS, isSeriousNature } from '../src/domain/complaints/model';
import { recordVerdict } from '../src/domain/complaints/outcome';
import { replyToComplainant, sendBack } from '../src/domain/complaints/reply';
import { loadComplaint } from '../src/domain/complaints/store';
import { cnDate, shortDate } from '../src/kernel/time';
import { complaintNo, natureArg } from './complaints-intake';
import { defineCommand } from '../src/kernel/command';

// 调查核实, 协调处理, 落实, 答复回访, 结果运用, 归档 (docs/commands.md; CMP-07…CMP-19).

const deptList = z
  .string()
  .transform((s) =>
    s
      .split(/[,，、;；\s]+/)
      .filter(Boolean)
      .map((x) => x.toUpperCase()),
  )
  .describe('部门代码，多个用逗号分隔');

async function departments(ctx: Parameters<typeof findDepartment>[0], codes: string[] | undefined): Promise<string[]> {
  const out: string[] = [];
  for (const code of codes ?? []) out.push((await findDepartment(ctx, code)).code);
  return out;
}

export const complaintInvestigate = defineCommand({
  name: '投诉 调查',
  group: '投诉',
  summary: '记录对投诉人或被投诉人的调查询问（可随后发送照片）',
  roles: ['hall_office'],
  usage: '投诉 调查 <号> 对象=投诉人|被投诉人 记录=…',
  examples: ['投诉 调查 TS12 对象=被投诉人 记录=李四称系统卡顿，承认未出示告知单'],
  rules: ['CMP-09'],
  positional: ['编号'],
  args: () =>
    z.object({
      编号: complaintNo,
      对象: z.enum(['投诉人', '被投诉人', '被投诉对象']).transform((s) => (s === '投诉人' ? '投诉人' : '被投诉人')),
      记录: z.string().min(2).describe('调查记录'),
    }),
  async handle(ctx, a) {
    const c = await loadComplaint(ctx, a.编号);
    const n = await investigate(ctx, c, a.对象, a.记录);
    const rest = n === 2 ? '已齐' : `，尚缺${c.recordComplainant ? '被投诉人' : '投诉人'}记录`;
    await ctx.reply(`✅ ${c.no} 调查记录 ${n}/2 ${rest}\n如有签字的询问笔录，请在10分钟内发送照片。`);
  },
});

export const complaintOnSite = defineCommand({
  name: '投诉 现场协调',
  group: '投诉',
  summary: '事实清楚、情节简单：现场协调办结',
  roles: ['hall_office'],
  usage: '投诉 现场协调 <号> 结果=… [理由=（调查记录未齐时）]',
  examples: ['投诉 现场协调 TS12 结果=当场补充告知材料，群众认可'],
  rules: ['CMP-09', 'CMP-10', 'CMP-15'],
  positional: ['编号'],
  args: () =>
    z.object({ 编号: complaintNo, 结果: z.string().min(2).describe('协调结果'), 理由: z.string().optional() }),
  async handle(ctx, a) {
    const c = await loadComplaint(ctx, a.编号);
    const due = await resolveOnSite(ctx, c, a.结果, a.理由);
    await ctx.reply(`✅ ${c.no} 现场办结，请于${cnDate(due)}前答复回访`);
  },
});

function referReply(no: string, r: Awaited<ReturnType<typeof refer>>, mode: '转交' | '协同'): string {
  if (r.approvalNo)
    return `✅ ${no} 处理意见已送分管领导、主要领导审批（${r.approvalNo}）\n批准后转交，落实期限自转交起10个工作日（rule CMP-12）`;
  const sent = r.sent ?? [];
  if (mode === '协同') return `✅ ${no} 协同：${sent.map((s) => `${s.dept} ${shortDate(s.dueDate)}`).join('、')}`;
  return `✅ ${no} 已转交 ${sent.map((s) => s.dept).join('、')}，落实期限 ${cnDate(sent[0].dueDate)}`;
}

const seriousArg = z
  .string()
  .transform((s) => isSeriousNature(natureArg.parse(s)))
  .describe('性质=较重');

export const complaintRefer = defineCommand({
  name: '投诉 转交',
  group: '投诉',
  summary: '出具处理意见转交被投诉部门（一般5个工作日；较重须审批，10个工作日）',
  roles: ['hall_office'],
  usage: '投诉 转交 <号> [部门=<代码>] 意见=… [性质=较重] [理由=]',
  examples: ['投诉 转交 TS12 部门=GA 意见=对当事人批评教育，向投诉人补充一次性告知', '投诉 转交 TS12 意见=… 性质=较重'],
  rules: ['CMP-09', 'CMP-11', 'CMP-12'],
  positional: ['编号'],
  args: () =>
    z.object({
      编号: complaintNo,
      部门: deptList.optional(),
      意见: z.string().min(2).describe('处理意见'),
      性质: seriousArg.optional(),
      理由: z.string().optional(),
    }),
  async handle(ctx, a) {
    const c = await loadComplaint(ctx, a.编号);
    const serious = a.性质 ?? isSeriousNature(c.nature);
    const r = await refer(ctx, c, {
      depts: await departments(ctx.m, a.部门),
      opinion: a.意见,
      serious,
      mode: '转交办理',
      reason: a.理由,
    });
    await ctx.reply(referReply(c.no, r, '转交'));
  },
});

export const complaintJoint = defineCommand({
  name: '投诉 协同',
  group: '投诉',
  summary: '多部门协同办理，每个部门各自的落实期限',
  roles: ['hall_office'],
  usage: '投诉 协同 <号> 部门=<代码>,<代码> 意见=… [性质=较重] [理由=]',
  examples: ['投诉 协同 TS12 部门=GA,SB 意见=两部门共同核实并答复'],
  rules: ['CMP-09', 'CMP-13', 'CMP-11', 'CMP-12'],
  positional: ['编号'],
  args: () =>
    z.object({
      编号: complaintNo,
      部门: deptList,
      意见: z.string().min(2).describe('处理意见'),
      性质: seriousArg.optional(),
      理由: z.string().optional(),
    }),
  async handle(ctx, a) {
    const c = await loadComplaint(ctx, a.编号);
    const serious = a.性质 ?? isSeriousNature(c.nature);
    const r = await refer(ctx, c, {
      depts: await departments(ctx.m, a.部门),
      opinion: a.意见,
      serious,
      mode: '协同办理',
      reason: a.理由,
    });
    await ctx.reply(referReply(c.no, r, '协同'));
  },
});

export const complaintSuggestion = defineCommand({
  name: '投诉 建议',
  group: '投诉',
  summary: '意见建议类：转被投诉对象或职能部门作工作参考',
  roles: ['hall_office'],
  usage: '投诉 建议 <号> 去向=被投诉对象|<部门>',
  examples: ['投诉 建议 TS12 去向=被投诉对象', '投诉 建议 TS12 去向=SB'],
  rules: ['CMP-08'],
  positional: ['编号'],
  args: () => z.object({ 编号: complaintNo, 去向: z.string().min(2).describe('被投诉对象或部门') }),
  async handle(ctx, a) {
    const c = await loadComplaint(ctx, a.编号);
    const dept = a.去向 === '被投诉对象' ? c.departmentCode : (await findDepartment(ctx.m, a.去向)).code;
    const label = a.去向 === '被投诉对象' ? (c.departmentCode ?? c.respondentLabel) : (dept ?? a.去向);
    const due = await forwardSuggestion(ctx, c, dept, label);
    await ctx.reply(`✅ ${c.no} 已转 ${label} 参考${due ? `，答复期限 ${cnDate(due)}` : ''}`);
  },
});

export const complaintImplement = defineCommand({
  name: '投诉 落实',
  group: '投诉',
  summary: '首席代表报送本部门落实处理意见的情况（较重须附签字盖章件）',
  roles: ['chief_rep'],
  usage: '投诉 落实 <号> 情况=…',
  examples: ['投诉 落实 TS12 情况=已批评教育李四，李四已电话致歉并补充告知材料清单'],
  rules: ['CMP-11', 'CMP-12', 'CMP-13'],
  positional: ['编号'],
  args: () => z.object({ 编号: complaintNo, 情况: z.string().min(2).describe('落实情况') }),
  async handle(ctx, a) {
    const c = await loadComplaint(ctx, a.编号);
    const r = await reportImplementation(ctx, c, a.情况);
    if ('refused' in r) {
      await ctx.reply(r.refused);
      return;
    }
    await ctx.reply(`✅ ${c.no} ${r.dept} 已报送落实情况${r.late ? '（已超期，已记录）' : ''}`);
  },
});

export const complaintReply = defineCommand({
  name: '投诉 答复',
  group: '投诉',
  summary: '答复回访投诉人并记录满意度（处理完毕后2个工作日内）',
  roles: ['hall_office'],
  usage: '投诉 答复 <号> 方式=… 满意度=满意|基本满意|不满意 [原因= 建议=]',
  examples: ['投诉 答复 TS12 方式=电话 满意度=满意', '投诉 答复 TS12 方式=电话 满意度=不满意 原因=仍未拿到材料清单'],
  rules: ['CMP-08', 'CMP-15', 'CMP-16', 'CMP-20'],
  positional: ['编号'],
  args: () =>
    z.object({
      编号: complaintNo,
      方式: z.string().min(1).describe('答复方式'),
      满意度: z.enum(SATISFACTION),
      原因: z.string().optional(),
      建议: z.string().optional(),
    }),
  async handle(ctx, a) {
    const c = await loadComplaint(ctx, a.编号);
    const r = await replyToComplainant(ctx, c, {
      method: a.方式,
      satisfaction: a.满意度,
      reason: a.原因,
      suggestion: a.建议,
    });
    const late = r.lateWorkdays ? `\n⚠️ 答复已超期${r.lateWorkdays}个工作日，已记录（rule CMP-15）` : '';
    const next = a.满意度 === '不满意' ? `\n如属被投诉对象处理不到位：投诉 退回整改 ${c.no}` : '';
    await ctx.reply(`✅ ${c.no} 已答复（${a.满意度}）${late}${next}`);
  },
});

export const complaintSendBack = defineCommand({
  name: '投诉 退回整改',
  group: '投诉',
  summary: '投诉人不满意且被投诉对象处理不到位：退回限期整改（计轮次）',
  roles: ['hall_office'],
  usage: '投诉 退回整改 <号> [期限=<日期>] [意见=…]',
  examples: ['投诉 退回整改 TS12', '投诉 退回整改 TS12 期限=3月20日 意见=当面致歉'],
  rules: ['CMP-16', 'OPEN #11'],
  positional: ['编号'],
  args: (t) => z.object({ 编号: complaintNo, 期限: t.date('整改期限').optional(), 意见: z.string().optional() }),
  async handle(ctx, a) {
    const c = await loadComplaint(ctx, a.编号);
    const r = await sendBack(ctx, c, { until: a.期限, opinion: a.意见 });
    await ctx.reply(
      `✅ ${c.no} 第${r.round}轮整改，期限 ${r.sent.map((s) => `${r.sent.length > 1 ? `${s.dept} ` : ''}${cnDate(s.dueDate)}`).join('、')}`,
    );
  },
});

export const complaintVerdict = defineCommand({
  name: '投诉 结果',
  group: '投诉',
  summary: '认定属实/部分属实/不实：扣分事件、评优卡片、移交或澄清',
  roles: ['hall_office'],
  usage: '投诉 结果 <号> 属实|部分属实|不实 [恶意=是] [移交=纪委监委|公安 说明=…]',
  examples: ['投诉 结果 TS12 属实', '投诉 结果 TS12 不实 恶意=是'],
  rules: ['CMP-18', 'CMP-19', 'ACC-07', 'OPEN #12'],
  positional: ['编号', '结果'],
  args: () =>
    z.object({
      编号: complaintNo,
      结果: z.enum(VERDICTS),
      恶意: z.enum(['是', '否']).optional(),
      移交: z.string().optional(),
      说明: z.string().optional(),
    }),
  async handle(ctx, a) {
    const c = await loadComplaint(ctx, a.编号);
    const r = await recordVerdict(ctx, c, a.结果, { malicious: a.恶意 === '是', referTo: a.移交, note: a.说明 });
    const lines = [
      `✅ ${c.no} ${a.结果}${r.deduction ? `：已生成扣分事件 ${r.deduction}` : '：已向被投诉方所在部门发澄清通知'}`,
    ];
    if (r.awardFlag) lines.push('已发“是否取消评优资格”卡片，请选择。');
    if (r.referral) lines.push(`已登记移交 ${r.referral}`);
    await ctx.reply(lines.join('\n'));
  },
});

export const complaintArchive = defineCommand({
  name: '投诉 归档',
  group: '投诉',
  summary: '投诉办结归档（须已答复并记录满意度）',
  roles: ['hall_office'],
  usage: '投诉 归档 <号>',
  examples: ['投诉 归档 TS12'],
  rules: ['CMP-07', 'CMP-15', 'REC-03'],
  positional: ['编号'],
  args: () => z.object({ 编号: complaintNo }),
  async handle(ctx, a) {
    const c = await loadComplaint(ctx, a.编号);
    const n = await archiveComplaint(ctx, c);
    await ctx.reply(`✅ ${c.no} 已归档（${n}份材料）`);
  },
});
