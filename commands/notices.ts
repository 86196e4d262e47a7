import { z } from 'zod';
import { findDepartment } from '../src/kernel/directory';
import { UserError } from '../src/kernel/errors';
import { replyList } from '../src/kernel/replies';
import { requestExternalNotice } from '../src/domain/briefings/external-notice';
import { noticeByApproval, noticeByRef } from '../src/domain/briefings/numbering';
import { listNotices, NOTICE_TYPES, noticeText } from '../src/domain/briefings/notices';
import { aboutLabel, type OralContent } from '../src/domain/briefings/oral-content';
import { editOralNotice, oralNoticeOn } from '../src/domain/briefings/oral-notice';
import { oralPublishTime } from '../src/domain/briefings/oral-times';
import { submitQuarterly } from '../src/domain/briefings/quarterly';
import { normaliseRecordRef } from '../src/kernel/numbers';
import { localDate, yearOf } from '../src/kernel/time';
import { defineCommand } from '../src/kernel/command';

// BRF-02, BRF-03, BRF-09, BRF-10, BRF-11 (docs/commands.md): the daily 口头通报, the archive, BRF-09 notices
// to a 派驻部门 and the 003 quarterly reports.

const wtList = (raw: string | undefined, year: number): string[] =>
  (raw ?? '')
    .split(/[,，、\s]+/)
    .filter(Boolean)
    .map((r) => {
      const no = normaliseRecordRef(r, 'WT', year);
      if (!no) throw new UserError(`“${r}”不是巡查发现编号（形如 WT87 或 WT2026-0087）。`);
      return no;
    });

export const noticeToday = defineCommand({
  name: '通报 今日',
  group: '通报',
  summary: '今日口头通报草稿及审定状态',
  roles: ['hall_office', 'leader', 'supervisor'],
  usage: '通报 今日',
  examples: ['通报 今日'],
  rules: ['BRF-02', 'BRF-03'],
  args: () => z.object({}),
  async handle(ctx) {
    const today = localDate(ctx.now);
    const n = await oralNoticeOn(ctx, today);
    if (!n) {
      await ctx.reply(
        ctx.deps.calendar.isWorkday(today)
          ? '今日口头通报尚未生成（每个工作日07:45自动生成）。'
          : '今天不是工作日，没有口头通报。',
      );
      return;
    }
    const c = n.content as unknown as OralContent;
    const about = aboutLabel(c);
    const state =
      n.status === '已发布'
        ? `已发布 ${n.no}`
        : n.status === '已批准'
          ? `已审定，${await oralPublishTime(ctx.m)} 发布`
          : n.status;
    await ctx.reply(
      `口头通报（${about}情况）${state}｜批评 ${c.criticism.length} 表扬 ${c.praise.length} 超期 ${c.complaints.length + c.casesL3.length}\n审批 ${n.approvalNo ?? '—'}${n.status === '待审定' ? '｜修改：通报 修改 ' + n.approvalNo + ' 删除=… 增加=… 文字=…' : ''}`,
    );
  },
});

export const noticeEdit = defineCommand({
  name: '通报 修改',
  group: '通报',
  summary: '修改口头通报草稿（删除/增加巡查发现，补充文字），重新送审',
  roles: ['hall_office', 'supervisor'],
  usage: '通报 修改 <SP号> [删除=WT… 增加=WT… 文字=…]',
  examples: ['通报 修改 SP2026-00057 删除=WT87', '通报 修改 SP2026-00057 文字=请各窗口注意叫号规范'],
  rules: ['BRF-02', 'BRF-03'],
  positional: ['编号'],
  args: () =>
    z.object({
      编号: z
        .string()
        .regex(/^SP\d{4}-\d{5}$/i, '审批编号形如 SP2026-00057')
        .describe('审批编号'),
      删除: z.string().optional(),
      增加: z.string().optional(),
      文字: z.string().optional(),
    }),
  async handle(ctx, a) {
    const year = yearOf(localDate(ctx.now));
    const n = await noticeByApproval(ctx.m, a.编号);
    const sp = await editOralNotice(ctx, n, { remove: wtList(a.删除, year), add: wtList(a.增加, year), extra: a.文字 });
    await ctx.reply(`✅ ${sp} 已更新，重新送审`);
  },
});

export const noticeRead = defineCommand({
  name: '通报 播报',
  group: '通报',
  summary: '带班领导播报用的今日口头通报全文',
  roles: ['leader', 'hall_office'],
  usage: '通报 播报',
  examples: ['通报 播报'],
  rules: ['BRF-02', 'DIR-12'],
  args: () => z.object({}),
  async handle(ctx) {
    const n = await oralNoticeOn(ctx, localDate(ctx.now));
    if (!n || (n.status !== '已发布' && n.status !== '已批准'))
      throw new UserError('今日口头通报尚未经分管领导审定，暂不能播报（rule BRF-03）。');
    await ctx.reply(
      n.status === '已发布' ? n.text : `（已审定，${await oralPublishTime(ctx.m)} 发布时编号）\n${n.text}`,
    );
  },
});

export const noticeList = defineCommand({
  name: '通报 列表',
  group: '通报',
  summary: '已编号存档的督查通报（按编号顺序）',
  roles: 'all',
  usage: '通报 列表 [年份] [类型=口头|约谈|书面|其他]',
  examples: ['通报 列表', '通报 列表 2026 类型=书面'],
  rules: ['BRF-10'],
  positional: ['年份'],
  args: () =>
    z.object({ 年份: z.coerce.number().int().min(2000).max(2100).optional(), 类型: z.enum(NOTICE_TYPES).optional() }),
  async handle(ctx, a) {
    const year = a.年份 ?? yearOf(localDate(ctx.now));
    const lines = await listNotices(ctx, year, a.类型);
    await replyList(
      ctx,
      `${year}年督查通报 ${lines.length} 份${a.类型 ? `（${a.类型}）` : ''}`,
      lines,
      '暂无已编号的通报。',
    );
  },
});

export const noticeView = defineCommand({
  name: '通报 查看',
  group: '通报',
  summary: '按编号查看一份督查通报',
  roles: 'all',
  usage: '通报 查看 <督通号>',
  examples: ['通报 查看 督通〔2026〕12号', '通报 查看 督通12'],
  rules: ['BRF-10'],
  positional: ['编号'],
  args: () => z.object({ 编号: z.string().describe('通报编号') }),
  async handle(ctx, a) {
    await ctx.reply(noticeText(ctx, await noticeByRef(ctx.m, a.编号, ctx.now)));
  },
});

export const noticeExternal = defineCommand({
  name: '通报 派驻部门',
  group: '通报',
  summary: '严重问题整改不到位：报中心领导签发致派驻部门的书面通报，并报纪检监察组',
  roles: ['hall_office'],
  usage: '通报 派驻部门 <WT号|TS号> 说明=… [部门=]',
  examples: ['通报 派驻部门 WT87 说明=多次空岗，整改不到位，影响恶劣'],
  rules: ['BRF-09', 'ACC-05'],
  positional: ['来源'],
  args: () =>
    z.object({
      来源: z.string().describe('来源编号'),
      说明: z.string().min(2, '至少2个字').describe('说明'),
      部门: z.string().optional(),
    }),
  async handle(ctx, a) {
    const sp = await requestExternalNotice(ctx, a.来源, a.说明, a.部门);
    await ctx.reply(`✅ 已送中心领导签发（${sp}）`);
  },
});

export const quarterlyReport = defineCommand({
  name: '季报 报送',
  group: '通报',
  summary: '报送本季度“全面提升窗口服务效能”工作进展（可随后发送材料）',
  roles: ['chief_rep', 'hall_office'],
  usage: '季报 报送 <部门> 说明=…',
  examples: ['季报 报送 GA 说明=已完成综合窗口改造，持证上岗率100%'],
  rules: ['BRF-11'],
  positional: ['部门'],
  args: () => z.object({ 部门: z.string().describe('部门'), 说明: z.string().min(2, '至少2个字').describe('说明') }),
  async handle(ctx, a) {
    const dept = await findDepartment(ctx.m, a.部门);
    const r = await submitQuarterly(ctx, dept.code, a.说明);
    await ctx.reply(`✅ ${r.label}\n材料请在10分钟内发送。`);
  },
});
