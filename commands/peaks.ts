import { z } from 'zod';
import { findDepartment } from '../src/kernel/directory';
import { replyList } from '../src/kernel/replies';
import { PEAK_CHECKS, PEAK_COORDINATION } from '../entities/peak-plan';
import { formLink } from '../src/kernel/forms';
import { SUBJECTIVE_CAUSES, classifyCause } from '../src/domain/windows/cause';
import { coordinatePeak, tickPeakCheck, upcomingPeaks } from '../src/domain/windows/peak-ops';
import { type PEAK_REQUIRED, checklistLine, filePeak } from '../src/domain/windows/peaks';
import { shortDate } from '../src/kernel/time';
import { defineCommand } from '../src/kernel/command';
import { itemsOf, typedText, yesNo } from './window-args';

// docs/commands.md: 业务高峰工作预案 (SUS-01…SUS-05, SUS-09) and the SUS-10 cause classification.

const text = () => z.string().trim().min(1).optional();

/** SUS-01 / OPEN #30 required fields by their argument names. */
const REQUIRED_ARG: Record<(typeof PEAK_REQUIRED)[number], string> = {
  contactName: '联系人',
  contactPhone: '联系电话',
  staffing: '人员安排',
  publicity: '宣传引导',
  dailyCapacity: '最大办理量',
  reportedToParent: '已报派驻部门',
};

const PEAK_STATUS_CN: Record<string, string> = {
  draft: '草稿',
  pending: '审批中',
  approved: '已备案',
  rejected: '已驳回',
  withdrawn: '已撤回',
};

export const peakPlan = defineCommand({
  name: '高峰 预案',
  group: '高峰停办',
  summary: '报送业务高峰工作预案（至少提前2个工作日）；内容不全时存草稿并给表单链接',
  roles: ['staff', 'window_lead', 'chief_rep'],
  usage:
    '高峰 预案 从=<日期> 到=<日期> 原因=系统升级|政策|其他 [联系人= 联系电话= 人员安排= 宣传引导= 最大办理量= 已报派驻部门=是 技术保障= 秩序专人= 延时服务= 说明= 编号=]',
  examples: [
    '高峰 预案 从=3月16日 到=3月20日 原因=政策',
    '高峰 预案 从=3月16日 到=3月20日 原因=政策 联系人=黄燕 联系电话=13900000020 人员安排=全员在岗并从局机关抽调2人 宣传引导=公众号提前发布办理指南 最大办理量=300 已报派驻部门=是',
  ],
  rules: ['SUS-01', 'SUS-02', 'SUS-05', 'WIN-12', 'OPEN #30'],
  args: (t) =>
    z.object({
      编号: text(),
      从: t.date('开始日期').optional(),
      到: t.date('结束日期').optional(),
      原因: z.enum(['系统升级', '政策', '其他']).optional(),
      说明: text(),
      联系人: text(),
      联系电话: text(),
      人员安排: text(),
      宣传引导: text(),
      技术保障: text(),
      风险责任人: text(),
      秩序专人: text(),
      延时服务: text(),
      最大办理量: z.coerce.number().int().min(1).max(100000).optional(),
      已报派驻部门: text(),
    }),
  async handle(ctx, args) {
    const r = await filePeak(ctx, {
      ref: args.编号,
      fromDate: args.从,
      toDate: args.到,
      reasonType: args.原因,
      reason: args.说明,
      contactName: args.联系人,
      contactPhone: args.联系电话,
      staffing: args.人员安排,
      publicity: args.宣传引导,
      techPerson: args.技术保障,
      riskOwner: args.风险责任人,
      orderStaff: args.秩序专人,
      extendedService: args.延时服务,
      dailyCapacity: args.最大办理量,
      reportedToParent: yesNo(args.已报派驻部门, /^(是|已报)$/),
    });
    const p = r.plan;
    if (r.missing.length) {
      // D28: the H5 form opens with everything given so far.
      const prefill = { 编号: p.no, 从: p.fromDate, 到: p.toDate, 原因: p.reasonType, ...typedText(args) };
      await ctx.reply(
        `📝 ${p.no} 已保存草稿，缺少：${r.missing.map((k) => REQUIRED_ARG[k]).join('、')}\n请填写业务高峰工作预案：${await formLink(ctx, 'peak-plan', prefill)}`,
      );
      return;
    }
    await ctx.reply(
      `✅ ${p.no} ${r.nextStep}（${shortDate(p.fromDate)}–${shortDate(p.toDate)}）\n高峰前请逐项完成准备：高峰 检查 ${p.no} 宣传|设备|导服|技术`,
    );
  },
});

export const peakCheck = defineCommand({
  name: '高峰 检查',
  group: '高峰停办',
  summary: '勾选高峰前准备事项（宣传、设备、导服、技术）',
  roles: ['chief_rep', 'hall_office'],
  usage: '高峰 检查 <GF号> 宣传|设备|导服|技术 [说明=…]',
  examples: ['高峰 检查 GF2026-SB-001 设备 说明=系统网络已全面检查'],
  rules: ['SUS-03'],
  positional: ['编号', '事项'],
  args: () =>
    z.object({ 编号: z.string().describe('预案编号'), 事项: z.string().describe('宣传|设备|导服|技术'), 说明: text() }),
  async handle(ctx, args) {
    const p = await tickPeakCheck(ctx, args.编号, itemsOf(args.事项, PEAK_CHECKS), args.说明);
    await ctx.reply(`✅ ${p.no} ${checklistLine(p)}`);
  },
});

export const peakCoordinate = defineCommand({
  name: '高峰 协调',
  group: '高峰停办',
  summary: '记录中心协调交警、物业保障高峰（INFO）',
  roles: ['hall_office'],
  usage: '高峰 协调 <GF号> 交警|物业 说明=…',
  examples: ['高峰 协调 GF2026-SB-001 物业 说明=空调、医药箱已备'],
  rules: ['SUS-09'],
  positional: ['编号', '事项'],
  args: () =>
    z.object({
      编号: z.string().describe('预案编号'),
      事项: z.string().describe('交警|物业'),
      说明: z.string().trim().min(2).describe('协调内容'),
    }),
  async handle(ctx, args) {
    const items = itemsOf(args.事项, PEAK_COORDINATION);
    const p = await coordinatePeak(ctx, args.编号, items, args.说明);
    await ctx.reply(`✅ ${p.no} 已协调${items.join('、')}：${args.说明}`);
  },
});

export const peakList = defineCommand({
  name: '高峰 列表',
  group: '高峰停办',
  summary: '即将开始和进行中的业务高峰',
  roles: 'all',
  usage: '高峰 列表 [部门=<代码>]',
  examples: ['高峰 列表'],
  rules: ['SUS-02'],
  args: () => z.object({ 部门: z.string().optional() }),
  async handle(ctx, args) {
    const code = args.部门 ? (await findDepartment(ctx.m, args.部门)).code : undefined;
    const lines = (await upcomingPeaks(ctx, code)).map(
      (p) =>
        `${p.no} ${p.departmentCode} ${shortDate(p.fromDate)}–${shortDate(p.toDate)} ${PEAK_STATUS_CN[p.status]}｜${checklistLine(p)}`,
    );
    await replyList(ctx, `业务高峰 ${lines.length} 项`, lines, '目前没有业务高峰预案。');
  },
});

export const peakCause = defineCommand({
  name: '高峰 原因',
  aliases: ['停办 原因'],
  group: '高峰停办',
  summary: '认定业务高峰/停办中秩序混乱的主观原因，生成扣分事件',
  roles: ['hall_office'],
  usage: `高峰 原因 <GF号|TB号> 主观=${SUBJECTIVE_CAUSES.join('|')} 说明=…`,
  examples: ['高峰 原因 GF2026-SB-001 主观=预估不足 说明=放号过多，大厅拥堵，群众投诉3起'],
  rules: ['SUS-10', 'PRF-14', 'PRF-17'],
  positional: ['编号'],
  args: () =>
    z.object({
      编号: z.string().describe('GF或TB编号'),
      主观: z.enum(SUBJECTIVE_CAUSES).describe('主观原因'),
      说明: z.string().trim().min(2).describe('情况说明'),
    }),
  async handle(ctx, args) {
    const r = await classifyCause(ctx, args.编号, args.主观, args.说明);
    await ctx.reply(`✅ 已认定 ${r.departmentCode} 主观原因（${args.主观}），生成扣分事件 ${r.deductionNo}`);
  },
});
