import { In, type EntityManager } from 'typeorm';
import { z } from 'zod';
import { Finding } from '../entities/finding';
import { attachmentsOf } from '../src/kernel/attachments';
import { findDepartment, findPerson, findWindow, personName } from '../src/kernel/directory';
import { UserError } from '../src/kernel/errors';
import { maskName, seesPersonalData } from '../src/kernel/mask';
import { hasRole } from '../src/kernel/permissions';
import { replyList } from '../src/kernel/replies';
import { decideDispute, dispute } from '../src/domain/inspections/disputes';
import { findingByRef, recordFinding, recordPraise, shortNo } from '../src/domain/inspections/findings';
import { itemFull, SEVERITIES } from '../src/domain/inspections/rules';
import { localStamp, shortDate } from '../src/kernel/time';
import { defineCommand } from '../src/kernel/command';

// INS-05…INS-09 (docs/commands.md): findings, praise, disputes and the findings list.

const findingArgs = {
  巡查: z.string().optional(),
  窗口: z.string().optional(),
  人: z.string().optional(),
  部门: z.string().optional(),
  区域: z.string().max(16).optional(),
  说明: z.string().min(2, '至少2个字').describe('说明'),
};

async function where(m: EntityManager, a: { 窗口?: string; 人?: string; 部门?: string }) {
  return {
    window: a.窗口 ? await findWindow(m, a.窗口) : null,
    person: a.人 ? await findPerson(m, a.人) : null,
    departmentCode: a.部门 ? (await findDepartment(m, a.部门)).code : null,
  };
}

export const findingRecord = defineCommand({
  name: '巡查 发现',
  group: '巡查',
  summary: '记录巡查发现的问题（项目1–11），推送首席代表；可随后发送照片',
  roles: ['hall_office', 'leader', 'chief_rep'],
  usage: '巡查 发现 [XC号] 窗口=<号> [人=@…] 项=<1-11> 程度=一般|重复|典型|重大|突发 说明=… [处理=当场纠正 反映=<#>]',
  examples: [
    '巡查 发现 窗口=12 人=@李四 项=3 程度=一般 说明=空岗 处理=当场提醒',
    '巡查 发现 XC31 窗口=5 项=2 说明=未提醒群众评价',
  ],
  rules: ['INS-05', 'INS-06', 'INS-07', 'OPEN #16'],
  positional: ['巡查'],
  args: () =>
    z.object({
      ...findingArgs,
      项: z.string().optional(),
      程度: z.enum(SEVERITIES).optional(),
      处理: z.string().optional(),
      来源: z.enum(['日常', '监控', '暗访', '平台', '好差评', '社会监督']).optional(),
      反映: z.coerce.number().int().positive().optional(),
    }),
  async handle(ctx, a) {
    const w = await where(ctx.m, a);
    const { finding: f, routed } = await recordFinding(ctx, {
      inspectionRef: a.巡查,
      ...w,
      item: a.项,
      severity: a.程度,
      description: a.说明,
      action: a.处理,
      source: a.来源,
      area: a.区域 ?? null,
      patrolReportId: a.反映,
    });
    const tag = f.autoTagged ? `（自动标记：重复，rule INS-07）` : '';
    await ctx.reply(
      `✅ ${f.no}｜${f.windowNumber ? `${f.windowNumber}号窗` : (f.departmentCode ?? '公共区域')} 项${f.item} ${f.description}｜${routed}${tag}\n现场照片请在10分钟内发送`,
    );
  },
});

export const praiseRecord = defineCommand({
  name: '巡查 表扬',
  group: '巡查',
  summary: '记录表现突出的窗口或人员（列入口头通报表扬）',
  roles: ['hall_office', 'leader'],
  usage: '巡查 表扬 [XC号] 窗口=<号> [人=@…] 说明=…',
  examples: ['巡查 表扬 窗口=8 人=@胡磊 说明=延时服务至18:40'],
  rules: ['INS-06', 'BRF-02'],
  positional: ['巡查'],
  args: () => z.object(findingArgs),
  async handle(ctx, a) {
    const f = await recordPraise(ctx, {
      inspectionRef: a.巡查,
      ...(await where(ctx.m, a)),
      description: a.说明,
      area: a.区域 ?? null,
    });
    await ctx.reply(`✅ ${f.no} 表扬 ${f.windowNumber ? `${f.windowNumber}号窗` : (f.departmentCode ?? '')}`);
  },
});

export const findingDispute = defineCommand({
  name: '巡查 异议',
  group: '巡查',
  summary: '首席代表或被记录人员对巡查发现提出异议（2个工作日内；逾期按申辩处理）',
  roles: ['chief_rep', 'staff', 'window_lead'],
  usage: '巡查 异议 <WT号> 理由=…',
  examples: ['巡查 异议 WT87 理由=李四在后台取件，已放暂停服务牌'],
  rules: ['INS-09', 'ACC-03', 'OPEN #17'],
  positional: ['编号'],
  args: () =>
    z.object({ 编号: z.string().describe('巡查发现编号'), 理由: z.string().min(2, '至少2个字').describe('异议理由') }),
  handle: async (ctx, a) => ctx.reply(await dispute(ctx, a.编号, a.理由)),
});

export const findingDecide = defineCommand({
  name: '巡查 裁定',
  group: '巡查',
  summary: '大厅管理室对异议（或申辩）作出维持或撤销的裁定',
  roles: ['hall_office'],
  usage: '巡查 裁定 <WT号> 维持|撤销 说明=…',
  examples: ['巡查 裁定 WT87 撤销 说明=监控显示已放暂停服务牌，暂离9分钟'],
  rules: ['INS-09', 'ACC-03'],
  positional: ['编号', '裁定'],
  args: () =>
    z.object({
      编号: z.string().describe('巡查发现编号'),
      裁定: z.enum(['维持', '撤销']).describe('维持或撤销'),
      说明: z.string().min(2, '至少2个字').describe('说明'),
    }),
  handle: async (ctx, a) => ctx.reply(await decideDispute(ctx, a.编号, a.裁定 === '维持', a.说明)),
});

export const findingList = defineCommand({
  name: '巡查 列表',
  group: '巡查',
  summary: '巡查发现列表（可按窗口、部门、状态筛选）',
  roles: ['hall_office', 'leader', 'supervisor', 'chief_rep'],
  usage: '巡查 列表 [窗口= 部门= 状态=待确认|已确认|有异议|已撤销|不成立|表扬 从= 到=]',
  examples: ['巡查 列表 状态=有异议', '巡查 列表 部门=GA'],
  rules: ['INS-06', 'DIR-10'],
  args: (t) =>
    z.object({
      窗口: z.string().optional(),
      部门: z.string().optional(),
      状态: z.string().optional(),
      从: t.date('开始日期').optional(),
      到: t.date('结束日期').optional(),
    }),
  async handle(ctx, a) {
    let dept = a.部门 ? (await findDepartment(ctx.m, a.部门)).code : undefined;
    // DIR-10: a 首席代表 sees its own department's rows.
    if (!hasRole(ctx.actor, 'hall_office', 'leader', 'supervisor')) dept = ctx.actor.departmentCode ?? '—';
    const rows = (
      await ctx.m.find(Finding, {
        where: {
          ...(dept ? { departmentCode: dept } : {}),
          ...(a.状态 ? { status: In(a.状态.split(/[,，、]/)) } : {}),
          ...(a.窗口 ? { windowNumber: (await findWindow(ctx.m, a.窗口)).number } : {}),
        },
        order: { id: 'DESC' },
      })
    ).filter((f) => (!a.从 || f.date >= a.从) && (!a.到 || f.date <= a.到));
    await replyList(
      ctx,
      `巡查发现 ${rows.length} 条${dept ? `（${dept}）` : ''}`,
      rows.map(
        (f) =>
          `${shortNo(f.no)} ${f.status}｜${f.departmentCode ?? '公共'} ${f.windowNumber ? `${f.windowNumber}号窗 ` : ''}${f.item ? `项${f.item} ` : ''}${f.description.slice(0, 16)} ${shortDate(f.date)}`,
      ),
    );
  },
});

export const findingView = defineCommand({
  name: '巡查 查看',
  group: '巡查',
  summary: '查看一条巡查发现（含证据和异议经过）',
  roles: ['hall_office', 'leader', 'supervisor', 'chief_rep', 'staff', 'window_lead'],
  usage: '巡查 查看 <WT号>',
  examples: ['巡查 查看 WT87'],
  rules: ['INS-06', 'INS-09'],
  positional: ['编号'],
  args: () => z.object({ 编号: z.string().describe('巡查发现编号') }),
  async handle(ctx, a) {
    const f = await findingByRef(ctx.m, a.编号, ctx.now);
    // The department's own people see the name (the 首席代表 manages its staff, DIR-03); others per D18.
    const own =
      (f.departmentCode !== null && f.departmentCode === ctx.actor.departmentCode) ||
      f.staffUserid === ctx.actor.userid;
    if (!hasRole(ctx.actor, 'hall_office', 'leader', 'supervisor') && !own)
      throw new UserError(`${f.no} 不属于你的部门。`);
    const staff = await personName(ctx.m, f.staffUserid);
    const evidence = await attachmentsOf(ctx, 'finding', f.no);
    const lines = [
      `${f.no}${f.positive ? ' 表扬' : `（${f.severity}${f.autoTagged ? '，自动标记' : ''}）`}${f.positive ? '' : f.status}`,
      `${localStamp(f.at)}｜${f.departmentCode ?? '公共区域'} ${f.windowNumber ? `${f.windowNumber}号窗 ` : ''}${seesPersonalData(ctx.actor.roles) || own ? staff : maskName(staff)}`,
      `${itemFull(f.item)}：${f.description}${f.action ? `（当场处理：${f.action}）` : ''}`,
      `证据 ${evidence.length} 份｜记录人 ${await personName(ctx.m, f.recorder)}${f.inspectionNo ? `｜${f.inspectionNo}` : ''}`,
    ];
    if (f.disputeReason) lines.push(`异议：${f.disputeReason}${f.decisionNote ? `｜裁定：${f.decisionNote}` : ''}`);
    await ctx.reply(lines.join('\n'));
  },
});
