import { z } from 'zod';
import { findDepartment } from '../src/kernel/directory';
import { replyList } from '../src/kernel/replies';
import { notifyPublic, reportPublicity, suspensionLines } from '../src/domain/windows/suspension-notice';
import { type SUSPENSION_REQUIRED, fileSuspension } from '../src/domain/windows/suspensions';
import { formLink } from '../src/kernel/forms';
import { windowsLabel } from '../src/domain/windows/rules';
import { shortDate } from '../src/kernel/time';
import { defineCommand } from '../src/kernel/command';
import { parseConsultants, splitWindowRefs } from './window-args';

// docs/commands.md: 业务临时停办 (SUS-01, SUS-06…SUS-08).

const text = () => z.string().trim().min(1).optional();

/** SUS-06…SUS-08 required fields by their argument names. */
const REQUIRED_ARG: Record<(typeof SUSPENSION_REQUIRED)[number], string> = {
  docNo: '文号',
  consultants: '咨询',
  contactName: '联系人',
  contactPhone: '联系电话',
  workPlan: '预案',
};

export const suspensionFile = defineCommand({
  name: '停办 备案',
  group: '高峰停办',
  summary: '业务临时停办登记备案（至少提前5个工作日，2-3名咨询人员）',
  roles: ['staff', 'window_lead', 'chief_rep'],
  usage:
    '停办 备案 窗口=… 从=<日期> 到=<日期> 事由=… 文号=… 咨询=甲 电话,乙 电话 联系人=… 联系电话=… 预案=… [电话= 备注= 编号=]',
  examples: [
    '停办 备案 窗口=5 从=3月16日 到=3月17日 文号=鄂社保发〔2026〕8号 咨询=吴静 13900000021,周平 13900000022 联系人=黄燕 联系电话=13900000020 预案=停办期间引导网上办理 事由=社保系统升级',
  ],
  rules: ['SUS-01', 'SUS-06', 'SUS-07', 'SUS-08'],
  args: (t) =>
    z.object({
      编号: text(),
      窗口: text().describe('窗口号'),
      从: t.date('开始日期').optional(),
      到: t.date('结束日期').optional(),
      事由: text(),
      文号: text(),
      咨询: text(),
      电话: text(),
      联系人: text(),
      联系电话: text(),
      预案: text(),
      备注: text(),
    }),
  async handle(ctx, args) {
    const r = await fileSuspension(ctx, {
      ref: args.编号,
      windows: splitWindowRefs(args.窗口),
      from: args.从,
      to: args.到,
      reason: args.事由,
      docNo: args.文号,
      consultants: args.咨询 ? parseConsultants(args.咨询, args.电话) : undefined,
      contactName: args.联系人,
      contactPhone: args.联系电话,
      workPlan: args.预案,
      remark: args.备注,
    });
    const s = r.suspension;
    if (r.missing.length) {
      // D28: the H5 form opens with everything given so far.
      const prefill: Record<string, string> = {
        编号: s.no,
        窗口: s.windows.join(','),
        从: s.fromDate,
        到: s.toDate,
        事由: s.reason,
      };
      for (const [k, v] of Object.entries(args)) if (typeof v === 'string' && !prefill[k]) prefill[k] = v;
      await ctx.reply(
        `📝 ${s.no} 已保存草稿，缺少：${r.missing.map((k) => REQUIRED_ARG[k]).join('、')}\n请填写业务临时停办登记备案表：${await formLink(ctx, 'suspension', prefill)}`,
      );
      return;
    }
    await ctx.reply(
      `✅ ${s.no} ${r.nextStep}（${windowsLabel(s.windows)} ${shortDate(s.fromDate)}–${shortDate(s.toDate)}）\n请于 ${r.publicityDue} 前通过媒体/公众号发布停办公告并报大厅管理室：停办 公告 ${s.no} 链接=…（rule SUS-07）`,
    );
  },
});

export const suspensionPublicity = defineCommand({
  name: '停办 公告',
  group: '高峰停办',
  summary: '报送停办公告已发布（链接或说明，可附截图）',
  roles: ['staff', 'window_lead', 'chief_rep'],
  usage: '停办 公告 <TB号> 链接=… [说明=…]',
  examples: ['停办 公告 TB2026-SB-001 链接=https://mp.weixin.qq.com/s/abc'],
  rules: ['SUS-07'],
  positional: ['编号'],
  args: () => z.object({ 编号: z.string().describe('停办编号'), 链接: text(), 说明: text() }),
  async handle(ctx, args) {
    await ctx.reply(await reportPublicity(ctx, args.编号, args.链接, args.说明));
  },
});

export const suspensionNotify = defineCommand({
  name: '停办 告知',
  group: '高峰停办',
  summary: '中心已告知群众（宣传屏、公众号、前后门）：推送导服群并给出公告文本',
  roles: ['hall_office'],
  usage: '停办 告知 <TB号>',
  examples: ['停办 告知 TB2026-SB-001'],
  rules: ['SUS-07'],
  positional: ['编号'],
  args: () => z.object({ 编号: z.string().describe('停办编号') }),
  async handle(ctx, args) {
    for (const r of await notifyPublic(ctx, args.编号)) await ctx.reply(r);
  },
});

export const suspensionList = defineCommand({
  name: '停办 列表',
  group: '高峰停办',
  summary: '即将开始和进行中的业务临时停办',
  roles: 'all',
  usage: '停办 列表 [部门=<代码>]',
  examples: ['停办 列表', '停办 列表 部门=SB'],
  rules: ['SUS-06', 'SUS-07'],
  args: () => z.object({ 部门: z.string().optional() }),
  async handle(ctx, args) {
    const code = args.部门 ? (await findDepartment(ctx.m, args.部门)).code : undefined;
    const lines = await suspensionLines(ctx, code);
    await replyList(ctx, `业务临时停办 ${lines.length} 项`, lines, '目前没有业务临时停办。');
  },
});
