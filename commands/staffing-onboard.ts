import { z } from 'zod';
import { arrive } from '../src/domain/staffing/arrival';
import { registerCover } from '../src/domain/staffing/cover';
import { fileOnboarding, resubmitOnboarding } from '../src/domain/staffing/onboarding';
import { md } from '../src/domain/staffing/records';
import { defineCommand } from '../src/kernel/command';
import { formLink } from '../src/kernel/forms';

// 入岗 / 顶岗 (STF-02…06; 000 调整管理 三(一), 附件3): 入岗 申请 → RG, proof in the slot, approval, RW tasks,
// 入岗 到岗; 顶岗 登记 → DG and 大厅管理室 told.

const text = () => z.string().trim().min(1).optional();

/** 附件3 rows typed as named arguments (label on the form → argument name). */
const FORM_ARGS = {
  性别: '性别',
  民族: '民族',
  出生年月: '出生年月',
  政治面貌: '政治面貌',
  学历: '学历',
  联系方式: '电话',
  毕业学校及专业: '毕业学校',
  工作单位及职务: '单位职务',
  主要工作职责: '职责',
  服务事项: '服务事项',
} as const;

export const onboardApply = defineCommand({
  name: '入岗 申请',
  group: '目录',
  summary: '进驻人员入岗审批表（附件3）：提前5个工作日，附岗前培训材料',
  roles: ['chief_rep', 'window_lead', 'staff'],
  usage:
    '入岗 申请 <姓名> 窗口=<号> 入岗=<日期> [身份证= 人员身份= 性别= 民族= 出生年月= 政治面貌= 学历= 电话= 毕业学校= 单位职务= 职责= 服务事项= 窗口类型= 无材料理由=]',
  examples: ['入岗 申请 张某 窗口=12 入岗=3月16日 人员身份=事业编制 服务事项=户籍迁移,身份证办理'],
  rules: ['STF-02', 'STF-03', 'DIR-08', 'OPEN #31'],
  positional: ['姓名'],
  args: (t) =>
    z.object({
      姓名: z.string().trim().min(2).max(32).optional(),
      窗口: z.string().trim().min(1).optional().describe('窗口号'),
      入岗: t.date('入岗时间').optional(),
      身份证: z.string().trim().toUpperCase().optional(),
      人员身份: text(),
      窗口类型: text(),
      无材料理由: text(),
      ...Object.fromEntries(Object.values(FORM_ARGS).map((k) => [k, text()])),
    }),
  async handle(ctx, args) {
    const raw = args as unknown as Record<string, string | undefined>;
    if (!args.姓名 || !args.窗口 || !args.入岗) {
      // The H5 入岗审批表 (附件3) opens with what was typed so far.
      const missing = [!args.姓名 && '姓名', !args.窗口 && '窗口', !args.入岗 && '入岗时间'].filter(Boolean);
      return ctx.reply(
        `缺少${missing.join('、')}。请填写进驻人员入岗审批表：${await formLink(ctx, 'onboarding', raw)}`,
      );
    }
    const form: Record<string, string> = {};
    for (const [label, arg] of Object.entries(FORM_ARGS)) if (raw[arg]) form[label] = raw[arg];
    const r = await fileOnboarding(ctx, {
      name: args.姓名,
      window: args.窗口,
      start: args.入岗,
      idNumber: args.身份证,
      identity: args.人员身份,
      windowKind: args.窗口类型,
      form,
      noProofReason: args.无材料理由,
    });
    await ctx.reply(
      r.submitted
        ? `✅ ${r.no} 已提交，${r.next}（${args.姓名} 入岗 ${md(args.入岗)}；无培训材料，需中心领导审批）`
        : `✅ ${r.no} 已登记（${args.姓名} 入岗 ${md(args.入岗)}），${r.next}`,
    );
  },
});

export const onboardSubmit = defineCommand({
  name: '入岗 提交',
  group: '目录',
  summary: '提交入岗申请（已发培训材料，或写明无材料理由由中心领导审批）',
  roles: ['chief_rep', 'window_lead', 'staff'],
  usage: '入岗 提交 <RG号> [无材料理由=…]',
  examples: ['入岗 提交 RG2026-GA-004', '入岗 提交 RG4 无材料理由=培训证明由派驻单位补寄'],
  rules: ['STF-03'],
  positional: ['编号'],
  args: () => z.object({ 编号: z.string({ error: '缺少RG号' }), 无材料理由: text() }),
  async handle(ctx, args) {
    const r = await resubmitOnboarding(ctx, args.编号, args.无材料理由);
    await ctx.reply(`✅ ${r.no} 已提交，${r.next}`);
  },
});

export const onboardArrive = defineCommand({
  name: '入岗 到岗',
  group: '目录',
  summary: '新进驻人员正式上岗（审批通过且考勤系统、评价器信息已录入）',
  roles: ['hall_office'],
  usage: '入岗 到岗 <RG号> [账号=<企业微信账号>]',
  examples: ['入岗 到岗 RG2026-GA-004 账号=zhangmou'],
  rules: ['STF-04', 'STF-05'],
  positional: ['编号'],
  args: () => z.object({ 编号: z.string({ error: '缺少RG号' }), 账号: text() }),
  async handle(ctx, args) {
    const { r, person } = await arrive(ctx, args.编号, args.账号);
    await ctx.reply(
      `✅ ${r.no} ${person.name} 已到岗：${r.departmentCode} ${r.windowNumber ?? '—'}号窗 在岗（${person.stationedSince}起）`,
    );
  },
});

export const coverRegister = defineCommand({
  name: '顶岗 登记',
  group: '目录',
  summary: '登记部门派出的顶岗人员（同等条件，及时告知大厅管理室）',
  roles: ['chief_rep', 'window_lead'],
  usage: '顶岗 登记 <姓名> 替=@… 从=<日期> 到=<日期> [账号=]',
  examples: ['顶岗 登记 张某 替=@lisi 从=3月4日 到=3月8日'],
  rules: ['STF-06', 'DIR-09'],
  positional: ['姓名'],
  args: (t) =>
    z.object({
      姓名: z.string({ error: '缺少姓名' }).trim().min(2).max(32),
      替: z.string({ error: '缺少被顶岗人员（替=@…）' }).trim().min(1),
      从: t.date('开始日期'),
      到: t.date('结束日期'),
      账号: text(),
    }),
  async handle(ctx, args) {
    const r = await registerCover(ctx, {
      name: args.姓名,
      covers: args.替,
      from: args.从,
      to: args.到,
      account: args.账号,
    });
    await ctx.reply(
      `✅ ${r.no} ${r.name} 顶 ${r.windowNumber ?? '—'}号窗 ${md(r.startDate)}–${md(r.endDate)}，已告知大厅管理室；请在10分钟内发送岗前培训材料。`,
    );
  },
});
