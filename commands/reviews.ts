import { Rectification } from '../entities/rectification';
import { z } from 'zod';
import { BadReview } from '../entities/bad-review';
import { issueRectification } from '../src/domain/accountability/rectifications';
import { badReviewByRef } from '../src/domain/reviews/bad-reviews';
import { satisfaction, satisfactionLine } from '../src/domain/reviews/satisfaction';
import { openImportSlot } from '../src/importer/slot';
import { defineCommand } from '../src/kernel/command';
import type { Ctx } from '../src/kernel/ctx';
import { findDepartment, findPerson } from '../src/kernel/directory';
import { hasRole } from '../src/kernel/permissions';
import { replyList } from '../src/kernel/replies';
import { localDate, localStamp, shortDate } from '../src/kernel/time';
import { complexParts } from './rectification';

// 好差评 (REV-01…03, REV-06; docs/commands.md): import the ratings, keep the 差评台账, order 限期整改, and report
// satisfaction from its three sources.

/** DIR-10: a 首席代表 sees only its own department; the office and leaders see all. */
const ownDepartment = (ctx: Ctx) =>
  hasRole(ctx.actor, 'hall_office', 'leader', 'supervisor') ? undefined : (ctx.actor.departmentCode ?? null);

export const ratingsImportCmd = defineCommand({
  name: '好差评 导入',
  group: '绩效',
  summary: '导入好差评系统导出的评价表；不满意/非常不满意转为差评并进入投诉待登记',
  roles: ['hall_office'],
  usage: '好差评 导入（随后发送 .xlsx 或 .csv 文件）',
  examples: ['好差评 导入'],
  rules: ['REV-01', 'REV-02', 'CMP-02'],
  args: () => z.object({}),
  handle: (ctx) => openImportSlot(ctx, 'ratings'),
});

export const badReviewList = defineCommand({
  name: '差评 列表',
  group: '绩效',
  summary: '差评台账：待整改或已下达整改的差评',
  roles: ['hall_office', 'leader', 'supervisor', 'chief_rep'],
  usage: '差评 列表 [状态=待整改|已下达] [部门=]',
  examples: ['差评 列表', '差评 列表 状态=待整改'],
  rules: ['REV-03'],
  args: () => z.object({ 状态: z.enum(['待整改', '已下达']).optional(), 部门: z.string().optional() }),
  async handle(ctx, a) {
    const own = ownDepartment(ctx);
    const dept = own !== undefined ? (own ?? '—') : a.部门 ? (await findDepartment(ctx.m, a.部门)).code : undefined;
    const rows = await ctx.m.find(BadReview, {
      where: { ...(dept ? { departmentCode: dept } : {}), ...(a.状态 ? { status: a.状态 } : {}) },
      order: { no: 'DESC' },
      take: 50,
    });
    await replyList(
      ctx,
      `差评${dept ? ` ${dept}` : ''}${a.状态 ? `（${a.状态}）` : ''} ${rows.length} 条`,
      rows.map(
        (r) =>
          `${r.no} ${r.departmentCode}${r.windowNumber ? ` ${r.windowNumber}号窗` : ''} ${r.level}｜${r.rectificationNo ? `整改 ${r.rectificationNo}` : r.status}`,
      ),
    );
  },
});

export const badReviewView = defineCommand({
  name: '差评 查看',
  group: '绩效',
  summary: '查看一条差评及其整改',
  roles: ['hall_office', 'leader', 'supervisor', 'chief_rep'],
  usage: '差评 查看 <CP号>',
  examples: ['差评 查看 CP11'],
  rules: ['REV-03'],
  positional: ['编号'],
  args: () => z.object({ 编号: z.string().describe('CP号') }),
  async handle(ctx, a) {
    const r = await badReviewByRef(ctx, a.编号, ownDepartment(ctx));
    const order = r.rectificationNo ? await ctx.m.findOne(Rectification, { where: { no: r.rectificationNo } }) : null;
    await ctx.reply(
      [
        `${r.no} ${r.level}｜${r.departmentCode}${r.windowNumber ? ` ${r.windowNumber}号窗` : ''}${r.staffName ? ` ${r.staffName}` : ''}`,
        `评价时间：${localStamp(r.ratedAt)}${r.caseRef ? `｜办件 ${r.caseRef}` : ''}`,
        `内容：${r.comment ?? '（无）'}`,
        r.peakRef ? `发生在 ${r.peakRef} 期间（SUS-10）` : '',
        order
          ? `整改：${order.no}（${order.status}）${order.longTerm ? `｜长效机制：${order.longTerm}｜解释：${order.explanation ?? ''}` : ''}`
          : `整改：未下达（差评 整改 ${r.no} 责任人=@…）`,
      ]
        .filter(Boolean)
        .join('\n'),
    );
  },
});

export const badReviewRectify = defineCommand({
  name: '差评 整改',
  group: '绩效',
  summary: '对差评下达限期整改（默认5个工作日报方案）；复杂问题写明长效机制和解释',
  roles: ['hall_office'],
  usage: '差评 整改 <CP号> 责任人=@… [期限=] [长效=… 解释=…]',
  examples: ['差评 整改 CP11 责任人=@王五', '差评 整改 CP12 责任人=@王五 长效=高峰日增开窗口 解释=已电话致歉并说明'],
  rules: ['REV-03', 'CMP-21', 'ACC-04', 'OPEN #13'],
  positional: ['编号'],
  args: (t) =>
    z.object({
      编号: z.string().describe('CP号'),
      责任人: z.string().describe('责任人'),
      期限: t.date('报整改方案期限').optional(),
      长效: z.string().min(2).optional().describe('长效机制'),
      解释: z.string().min(2).optional().describe('向评价人的解释'),
    }),
  async handle(ctx, a) {
    const review = await badReviewByRef(ctx, a.编号);
    const person = await findPerson(ctx.m, a.责任人);
    const { order, due } = await issueRectification(ctx, {
      source: review.no,
      responsible: person,
      due: a.期限,
      ...complexParts(a),
    });
    await ctx.m.update(BadReview, { no: review.no }, { status: '已下达', rectificationNo: order.no });
    await ctx.audit('review.rectify', 'bad_review', review.no, { rectification: order.no });
    await ctx.reply(`✅ ${review.no} → ${order.no}，${person.name} ${shortDate(due)} 前报整改方案`);
  },
});

export const satisfactionCmd = defineCommand({
  name: '满意度',
  group: '绩效',
  summary: '月度满意度：好差评、12345 回访、办不成事 回访，分来源列出',
  roles: ['hall_office', 'leader', 'supervisor', 'chief_rep'],
  usage: '满意度 [月份] [部门=|窗口=]',
  examples: ['满意度', '满意度 2026-02 部门=GA'],
  rules: ['REV-06'],
  positional: ['月份'],
  args: (t) => z.object({ 月份: t.month('月份').optional(), 部门: z.string().optional(), 窗口: z.string().optional() }),
  async handle(ctx, a) {
    const month = a.月份 ?? localDate(ctx.now).slice(0, 7);
    const own = ownDepartment(ctx);
    const departmentCode =
      own !== undefined ? (own ?? '—') : a.部门 ? (await findDepartment(ctx.m, a.部门)).code : undefined;
    const s = await satisfaction(ctx.m, month, { departmentCode, windowNumber: a.窗口 });
    const scope = [departmentCode, a.窗口 ? `${a.窗口}号窗` : ''].filter(Boolean).join(' ');
    await ctx.reply(`${Number(month.slice(5))}月${scope ? ` ${scope}` : ''} ${satisfactionLine(s)}`);
  },
});
