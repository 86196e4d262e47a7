import { z } from 'zod';
import { findPerson } from '../src/kernel/directory';
import { UserError } from '../src/kernel/errors';
import { replyList } from '../src/kernel/replies';
import { recordObstruction } from '../src/domain/accountability/measures';
import { endInspection, monthStats, parseParticipants, startInspection } from '../src/domain/inspections/inspections';
import { closeReport, fileReport, openReports } from '../src/domain/inspections/patrol';
import {
  INSPECTION_TYPES,
  JOINT_PER_MONTH,
  LEADER_PER_MONTH,
  parseAreas,
  parseFloor,
} from '../src/domain/inspections/rules';
import { summarise } from '../src/domain/inspections/summary';
import { localDate, localTime, monthBounds, shortDate } from '../src/kernel/time';
import { defineCommand } from '../src/kernel/command';

// INS-01…INS-04, INS-08, INS-10, INS-12 (docs/commands.md): inspection rounds, quotas, summaries, guides' reports.

const xcShort = (no: string) => no.replace(/^XC\d{4}-0*/, 'XC');

export const inspectionStart = defineCommand({
  name: '巡查 开始',
  group: '巡查',
  summary: '开始一次巡查（日常/联合/领导/自查/监控/暗访/平台/好差评）',
  roles: ['hall_office', 'leader', 'chief_rep'],
  usage:
    '巡查 开始 类型=日常|联合|领导|自查|监控|暗访|平台|好差评 区域=前台|后台|公共 [楼层=1-3 参与=@… 带队=@领导 联合=是]',
  examples: ['巡查 开始 类型=日常 区域=前台,公共 楼层=1', '巡查 开始 类型=联合 区域=前台 参与=@王五,@黄燕,@高峰'],
  rules: ['INS-01', 'INS-02', 'INS-03', 'INS-04', 'INS-06', 'INS-12', 'DIR-11'],
  args: () =>
    z.object({
      类型: z.enum(INSPECTION_TYPES).describe('巡查类型'),
      区域: z.string().optional(),
      楼层: z.string().optional(),
      参与: z.string().optional(),
      带队: z.string().optional(),
      联合: z.enum(['是', '否']).optional(),
      方式: z.string().max(32).optional(),
    }),
  async handle(ctx, a) {
    const { round, missingChiefs } = await startInspection(ctx, {
      type: a.类型,
      area: parseAreas(a.区域),
      floor: parseFloor(a.楼层),
      method: a.方式,
      participants: await parseParticipants(ctx.m, a.参与),
      leader: a.带队 ? await findPerson(ctx.m, a.带队) : undefined,
      combined: a.联合 === '是',
    });
    const kind = round.type === '领导' && round.joint ? '领导（结合联合）巡查' : `${round.type}巡查`;
    const lines = [
      `✅ ${round.no} ${kind} 开始 ${localTime(ctx.now)}`,
      `参与：${round.participants.map((p) => p.name).join('、')}`,
    ];
    if (missingChiefs.length)
      lines.push(`提示（INS-02）：进驻两人以上部门的首席代表未参加：${missingChiefs.join('、')}`);
    lines.push(`记录问题：巡查 发现 窗口=… 项=1-11 程度=一般 说明=…`);
    await ctx.reply(lines.join('\n'));
  },
});

export const inspectionEnd = defineCommand({
  name: '巡查 结束',
  group: '巡查',
  summary: '结束巡查并统计问题和表扬',
  roles: ['hall_office', 'leader', 'chief_rep'],
  usage: '巡查 结束 [XC号]',
  examples: ['巡查 结束 XC31'],
  rules: ['INS-06'],
  positional: ['巡查'],
  args: () => z.object({ 巡查: z.string().optional() }),
  async handle(ctx, a) {
    const r = await endInspection(ctx, a.巡查);
    await ctx.reply(`✅ ${xcShort(r.round.no)} 结束：问题 ${r.problems}，表扬 ${r.praise}`);
  },
});

export const inspectionStats = defineCommand({
  name: '巡查 统计',
  group: '巡查',
  summary: '本月（或指定月份）日常、联合、领导巡查完成情况',
  roles: ['hall_office', 'leader', 'supervisor'],
  usage: '巡查 统计 [月份]',
  examples: ['巡查 统计', '巡查 统计 2026-03'],
  rules: ['INS-01', 'INS-02', 'INS-03', 'OPEN #55', 'OPEN #56'],
  positional: ['月份'],
  args: (t) => z.object({ 月份: t.month('月份').optional() }),
  async handle(ctx, a) {
    const today = localDate(ctx.now);
    const month = a.月份 ?? today.slice(0, 7);
    const s = await monthStats(
      ctx.m,
      ctx.deps.calendar,
      month,
      today < monthBounds(`${month}-01`).last ? today : monthBounds(`${month}-01`).last,
    );
    const lines = [
      `${Number(month.slice(5, 7))}月：日常 ${s.dailyDone}/${s.dailyDays}WD，联合 ${s.joint}/${JOINT_PER_MONTH}，领导 ${s.leader}/${LEADER_PER_MONTH}`,
    ];
    if (s.missingDays.length)
      lines.push(
        `未登记日常巡查：${s.missingDays.slice(-5).map(shortDate).join('、')}${s.missingDays.length > 5 ? ' 等' : ''}`,
      );
    await ctx.reply(lines.join('\n'));
  },
});

export const inspectionSummary = defineCommand({
  name: '巡查 汇总',
  group: '巡查',
  summary: '一段时间的巡查汇总（按部门、项目），供书面通报使用',
  roles: ['hall_office'],
  usage: '巡查 汇总 从=<日期> 到=<日期>',
  examples: ['巡查 汇总 从=3月1日 到=3月31日'],
  rules: ['INS-10', 'BRF-07'],
  args: (t) => z.object({ 从: t.date('开始日期'), 到: t.date('结束日期') }),
  async handle(ctx, a) {
    if (a.到 < a.从) throw new UserError('结束日期早于开始日期。');
    const s = await summarise(ctx.m, a.从, a.到);
    const rounds =
      Object.entries(s.rounds)
        .map(([k, v]) => `${k}${v}`)
        .join(' ') || '无';
    const depts = [...s.departments.values()]
      .sort((x, y) => y.problems.length - x.problems.length)
      .map((d) => `${d.code} 问题${d.problems.length} 表扬${d.praise.length}${d.disputed ? ` 异议${d.disputed}` : ''}`);
    const items = Object.entries(s.byItem)
      .sort((x, y) => y[1] - x[1])
      .slice(0, 3)
      .map(([k, v]) => `项${k}×${v}`)
      .join(' ');
    await ctx.reply(
      [
        `已生成${shortDate(a.从)}–${shortDate(a.到)}巡查汇总（问题 ${s.problems}，表扬 ${s.praise}）`,
        `巡查：${rounds}`,
        `部门：${depts.slice(0, 4).join('；') || '无'}`,
        `多发项目：${items || '无'}`,
      ].join('\n'),
    );
  },
});

export const patrolReport = defineCommand({
  name: '巡查 反映',
  group: '巡查',
  summary: '导服人员报告巡查中发现的问题（可随后发送照片）',
  roles: ['guide', 'area_lead'],
  usage: '巡查 反映 区域=… 说明=…',
  examples: ['巡查 反映 区域=一楼等候区 说明=12号窗前排队拥挤无人引导'],
  rules: ['INS-01'],
  args: () =>
    z.object({
      区域: z.string().min(1, '不能为空').describe('区域'),
      说明: z.string().min(2, '至少2个字').describe('说明'),
    }),
  async handle(ctx, a) {
    const r = await fileReport(ctx, a.区域, a.说明);
    await ctx.reply(`✅ 已报大厅管理室（反映 #${r.id}）。如有照片，请在10分钟内发送。`);
  },
});

export const patrolQueue = defineCommand({
  name: '巡查 反映 列表',
  group: '巡查',
  summary: '待处理的导服巡查反映',
  roles: ['hall_office'],
  usage: '巡查 反映 列表',
  examples: ['巡查 反映 列表'],
  rules: ['INS-01'],
  args: () => z.object({}),
  handle: async (ctx) => replyList(ctx, '待处理巡查反映', await openReports(ctx), '没有待处理的反映。'),
});

export const patrolClose = defineCommand({
  name: '巡查 反映 关闭',
  group: '巡查',
  summary: '导服反映经核实无问题，关闭并告知反映人',
  roles: ['hall_office'],
  usage: '巡查 反映 关闭 <#> 说明=…',
  examples: ['巡查 反映 关闭 15 说明=已现场核实，秩序正常'],
  rules: ['INS-01'],
  positional: ['编号'],
  args: () =>
    z.object({
      编号: z.coerce.number().int().positive().describe('反映编号'),
      说明: z.string().min(2, '至少2个字').describe('说明'),
    }),
  async handle(ctx, a) {
    await closeReport(ctx, a.编号, a.说明);
    await ctx.reply(`✅ 反映 #${a.编号} 已关闭（无问题）`);
  },
});

export const inspectionObstruction = defineCommand({
  name: '巡查 阻碍',
  group: '巡查',
  summary: '登记弄虚作假、阻碍或拒绝配合巡查，转问效',
  roles: ['hall_office'],
  usage: '巡查 阻碍 <XC号> 部门=<代码> [人=@…] 说明=…',
  examples: ['巡查 阻碍 XC31 部门=GA 人=@张三 说明=拒绝出示办件记录'],
  rules: ['INS-08', 'ACC-06'],
  positional: ['巡查'],
  args: () =>
    z.object({
      巡查: z.string().describe('巡查记录编号'),
      部门: z.string().describe('部门'),
      人: z.string().optional(),
      说明: z.string().min(2, '至少2个字').describe('说明'),
    }),
  async handle(ctx, a) {
    const no = await recordObstruction(ctx, a.巡查, a.部门, a.人, a.说明);
    await ctx.reply(`✅ 已登记阻碍巡查，转问效 ${no}`);
  },
});
