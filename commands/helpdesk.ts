import { z } from 'zod';
import { applyProject, CATEGORIES, recordStep, STEPS, terminateProject } from '../src/domain/consult/helpdesk';
import { listProjects, viewProject } from '../src/domain/consult/helpdesk-view';
import { defineCommand } from '../src/kernel/command';
import type { FormDef } from '../src/kernel/forms';
import { replyList } from '../src/kernel/replies';

// 帮您办 (CAS-21; 002 运行规范 第二十七、二十八条): the “蒙速办·帮您办” window (综窗 providers) and 大厅管理室.

const DESK = ['provider', 'hall_office'] as const;
const bbNo = z.string({ error: '缺少编号' }).min(2).describe('帮您办编号（BB2026-004 或 BB4）');

export const helpdeskApply = defineCommand({
  name: '帮您办 申请',
  group: '综窗',
  summary: '登记帮您办项目（无偿代办）：类别须为重点投资、招商引资、科技创新或国家鼓励',
  roles: DESK,
  usage: `帮您办 申请 项目=… 类别=${CATEGORIES.join('|')} [申请人=…]`,
  examples: ['帮您办 申请 项目=年产10万吨甲醇技改项目 类别=重点投资 申请人=某能源公司'],
  rules: ['CAS-21'],
  args: () =>
    z.object({
      项目: z.string({ error: '缺少项目' }).min(2).max(128).describe('项目基本情况'),
      类别: z.string({ error: '缺少类别' }).describe(CATEGORIES.join('、')),
      申请人: z.string().max(64).optional().describe('申请单位或个人'),
    }),
  async handle(ctx, a) {
    await ctx.reply(await applyProject(ctx, a));
  },
});

export const helpdeskStep = defineCommand({
  name: '帮您办 进度',
  group: '综窗',
  summary: '按顺序记录帮您办步骤；委托 后发送授权委托书、承诺书照片',
  roles: DESK,
  usage: `帮您办 进度 <BB号> ${STEPS.join('|')} [专人=@… 说明=…]`,
  examples: ['帮您办 进度 BB4 专人 专人=@唐宁', '帮您办 进度 BB4 委托', '帮您办 进度 BB4 反馈 说明=已取得施工许可'],
  rules: ['CAS-21'],
  positional: ['编号', '步骤'],
  args: () =>
    z.object({
      编号: bbNo,
      步骤: z.string({ error: '缺少步骤' }).describe(STEPS.join('、')),
      专人: z.string().optional().describe('专人（@姓名）'),
      说明: z.string().max(200).optional().describe('说明'),
    }),
  async handle(ctx, a) {
    await ctx.reply(await recordStep(ctx, a.编号, a));
  },
});

export const helpdeskTerminate = defineCommand({
  name: '帮您办 终止',
  group: '综窗',
  summary: '符合终止条件时终止代办帮办，随后发送《终止单》照片',
  roles: DESK,
  usage: '帮您办 终止 <BB号> 原因=…',
  examples: ['帮您办 终止 BB4 原因=项目单位自行办理'],
  rules: ['CAS-21'],
  positional: ['编号'],
  args: () =>
    z.object({
      编号: bbNo,
      原因: z.string({ error: '缺少原因' }).min(2).max(200).describe('终止原因'),
    }),
  async handle(ctx, a) {
    await ctx.reply(await terminateProject(ctx, a.编号, a.原因));
  },
});

export const helpdeskView = defineCommand({
  name: '帮您办 查看',
  group: '综窗',
  summary: '查看帮您办项目的步骤与材料',
  roles: [...DESK, 'leader'],
  usage: '帮您办 查看 <BB号>',
  examples: ['帮您办 查看 BB4'],
  rules: ['CAS-21'],
  positional: ['编号'],
  args: () => z.object({ 编号: bbNo }),
  async handle(ctx, a) {
    await ctx.reply(await viewProject(ctx, a.编号));
  },
});

export const helpdeskList = defineCommand({
  name: '帮您办 列表',
  group: '综窗',
  summary: '在办的帮您办项目及下一步',
  roles: [...DESK, 'leader'],
  usage: '帮您办 列表',
  examples: ['帮您办 列表'],
  rules: ['CAS-21'],
  args: () => z.object({}),
  async handle(ctx) {
    await replyList(ctx, '在办帮您办项目：', await listProjects(ctx), '（无在办项目）');
  },
});

/** 帮您办 项目登记 (CAS-21): the H5 form of `帮您办 申请`; the full record prints with `导出 表单 BB…`. */
export const helpdeskH5: FormDef = {
  kind: 'helpdesk-project',
  title: '帮您办 项目登记',
  aliases: ['帮您办项目登记', '帮您办'],
  command: '帮您办 申请',
  intro: '“蒙速办·帮您办”为无偿服务（002 运行规范 第二十七条）。',
  fields: [
    { key: '项目', label: '项目基本情况', type: 'textarea', required: true },
    { key: '类别', label: '类别', type: 'select', options: [...CATEGORIES], required: true },
    { key: '申请人', label: '申请单位或个人' },
  ],
};
