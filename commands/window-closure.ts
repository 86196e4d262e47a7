import { z } from 'zod';
import type { ClosureMeasures } from '../entities/window-closure';
import { findDepartment } from '../src/kernel/directory';
import { replyList } from '../src/kernel/replies';
import { formLink } from '../src/kernel/forms';
import { MEASURE_KEYS, fileClosure } from '../src/domain/windows/closures';
import { fileReopen } from '../src/domain/windows/reopen';
import { windowsLabel } from '../src/domain/windows/rules';
import { closureRows } from '../src/domain/windows/status';
import { localDate, shortDate } from '../src/kernel/time';
import { defineCommand } from '../src/kernel/command';
import { splitWindowRefs, yesNo } from './window-args';

// docs/commands.md: 窗口 关闭 (附件2, D28), 窗口 重启, 窗口 关闭 列表. Rules live in src/domain/windows.

const FILERS = ['staff', 'window_lead', 'chief_rep'] as const;
const text = () => z.string().trim().min(1).optional();

export const windowClose = defineCommand({
  name: '窗口 关闭',
  group: '窗口',
  summary: '申请窗口临时关闭（附件2）；保障措施不全时存草稿并给表单链接',
  roles: FILERS,
  usage:
    '窗口 关闭 <窗口号> 从=<日期> 到=<日期> 事由=… 联络人= 联络电话= 咨询人员= 咨询电话= 宣传告知= 高峰应对= 不限号=是 [证明= 超限理由= 理由= 编号=]',
  examples: [
    '窗口 关闭 13号窗 从=3月5日 到=3月6日 事由=张三参加市局业务培训',
    '窗口 关闭 13号窗 从=3月5日 到=3月6日 联络人=王五 联络电话=13900000012 咨询人员=李四 咨询电话=0477-1234567 宣传告知=公众号已发布 高峰应对=12号窗延时服务 不限号=是 事由=张三参加市局业务培训',
  ],
  rules: ['WIN-03', 'WIN-04', 'WIN-05', 'WIN-12', 'DIR-09', 'OPEN #28', 'D28'],
  positional: ['窗口'],
  args: (t) =>
    z.object({
      窗口: text().describe('窗口号'),
      从: t.date('开始日期').optional(),
      到: t.date('结束日期').optional(),
      事由: text().describe('事由'),
      证明: text(),
      联络人: text(),
      联络电话: text(),
      咨询人员: text(),
      咨询电话: text(),
      宣传告知: text(),
      高峰应对: text(),
      不限号: text(),
      超限理由: text(),
      理由: text(),
      编号: text(),
    }),
  async handle(ctx, args) {
    const measures: ClosureMeasures = {};
    for (const k of MEASURE_KEYS) measures[k] = args[k];
    const r = await fileClosure(ctx, {
      ref: args.编号,
      windows: splitWindowRefs(args.窗口),
      from: args.从,
      to: args.到,
      reason: args.事由,
      proofNote: args.证明,
      measures,
      noLimit: yesNo(args.不限号, /^(是|承诺|不限号)$/),
      overrideReason: args.超限理由,
      softReason: args.理由,
    });
    const proof = r.needsProof ? '证明材料：请在10分钟内直接发送照片或文件。' : '';
    if (r.missing.length) {
      // D28: the H5 form opens with everything given so far.
      const c = r.closure;
      const prefill: Record<string, string> = {
        编号: c.no,
        窗口: c.windows.join(','),
        从: c.fromDate,
        到: c.toDate ?? c.fromDate,
        事由: c.reason,
      };
      for (const k of MEASURE_KEYS) {
        const v = c.measures?.[k];
        if (v) prefill[k] = v;
      }
      if (r.softReason) prefill.理由 = r.softReason;
      if (r.overrideReason) prefill.超限理由 = r.overrideReason;
      await ctx.reply(
        [
          `📝 ${r.closure.no} 已保存草稿，缺少：${r.missing.join('、')}`,
          `请补充保障措施：${await formLink(ctx, 'window-closure', prefill)}`,
          `也可发送：窗口 关闭 编号=${r.closure.no} ${r.missing[0]}=…`,
          proof,
        ]
          .filter(Boolean)
          .join('\n'),
      );
      return;
    }
    const u = r.usage;
    await ctx.reply(
      [
        `✅ ${r.closure.no} 已提交，${r.nextStep}（${u.departmentCode} 共${u.n}个窗口，上限${u.cap}，已用${u.used}）`,
        r.closure.overrideReason ? '⚠️ 超出1/5上限，已附理由送中心领导（OPEN #28）' : '',
        proof,
      ]
        .filter(Boolean)
        .join('\n'),
    );
  },
});

export const windowReopen = defineCommand({
  name: '窗口 重启',
  group: '窗口',
  summary: '重启窗口：收回后/季节性须提前5个工作日申请；普通临时关闭提前结束无需提前',
  roles: FILERS,
  usage: '窗口 重启 <窗口号> 日期=<日期> [类型=收回|季节|普通 到=<日期> 事由=…]',
  examples: ['窗口 重启 14 日期=4月1日 类型=季节', '窗口 重启 13 日期=明天'],
  rules: ['WIN-07', 'WIN-09', 'WIN-10'],
  positional: ['窗口'],
  args: (t) =>
    z.object({
      窗口: z.string().describe('窗口号'),
      日期: t.date('重启日期'),
      类型: z.enum(['收回', '季节', '普通']).optional(),
      到: t.date('季节结束日期').optional(),
      事由: text(),
    }),
  async handle(ctx, args) {
    const r = await fileReopen(ctx, {
      windows: splitWindowRefs(args.窗口),
      date: args.日期,
      kind: args.类型,
      until: args.到,
      reason: args.事由,
    });
    if (!r.ended) {
      await ctx.reply(`✅ ${r.no} 已提交，${r.nextStep}（${windowsLabel(r.windows)} ${r.date} ${r.type}）`);
      return;
    }
    // An ordinary closure ended early (WIN-07, no notice needed): cancelled before it started, or the end moved.
    const c = r.closure;
    await ctx.reply(
      r.ended.cancelled
        ? `✅ ${c.no} 已取消，${windowsLabel(c.windows)}继续在用（${r.ended.task}）`
        : `✅ ${c.no} ${windowsLabel(c.windows)} 将于 ${shortDate(r.ended.date)} 恢复在用，已通知大厅管理室确认到岗`,
    );
  },
});

const STATUS_CN: Record<string, string> = { pending: '审批中', approved: '已批准', draft: '草稿' };

export const closureList = defineCommand({
  name: '窗口 关闭 列表',
  aliases: ['关闭 列表'],
  group: '窗口',
  summary: '当前及即将临时关闭的窗口和各部门上限占用',
  roles: 'all',
  usage: '窗口 关闭 列表 [部门=<代码>]',
  examples: ['窗口 关闭 列表', '窗口 关闭 列表 部门=GA'],
  rules: ['WIN-04', 'WIN-06'],
  args: () => z.object({ 部门: z.string().optional() }),
  async handle(ctx, args) {
    const code = args.部门 ? (await findDepartment(ctx.m, args.部门)).code : undefined;
    const today = localDate(ctx.now);
    const lines = (await closureRows(ctx, code)).map(({ closure: c, usage: u }) => {
      const state = c.status === 'approved' && c.fromDate <= today ? '关闭中' : STATUS_CN[c.status];
      return `${c.no} ${windowsLabel(c.windows)} ${shortDate(c.fromDate)}–${shortDate(c.toDate!)} ${state}｜${c.departmentCode} 已用${u.used}/${u.cap}`;
    });
    await replyList(ctx, `临时关闭 ${lines.length} 项`, lines, '目前没有临时关闭的窗口。');
  },
});
