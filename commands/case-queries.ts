import { z } from 'zod';
import { CASE_READERS } from '../src/domain/cases/model';
import { listCases, viewCase } from '../src/domain/cases/view';
import { defineCommand } from '../src/kernel/command';
import { ajNo } from './case-intake';

// 办件 查看 / 列表 (docs/commands.md, CAS-18): staff see their own and their department's cases,
// 首席代表 their department's, 大厅管理室/leaders/supervisors all.

export const caseView = defineCommand({
  name: '办件 查看',
  group: '办件',
  summary: '查看办件：状态、到期日、提醒级别、最近记录',
  roles: CASE_READERS,
  usage: '办件 查看 <AJ号|平台号>',
  examples: ['办件 查看 AJ1234'],
  rules: ['CAS-18'],
  positional: ['编号'],
  args: () => z.object({ 编号: ajNo }),
  async handle(ctx, a) {
    await ctx.reply(await viewCase(ctx, a.编号));
  },
});

export const caseList = defineCommand({
  name: '办件 列表',
  group: '办件',
  summary: '在办办件（按到期日），可筛选今天/本周到期、超期、部门',
  roles: CASE_READERS,
  usage: '办件 列表 [到期=今天|本周 超期 部门=<代码>]',
  examples: ['办件 列表', '办件 列表 到期=今天', '办件 列表 超期'],
  rules: ['CAS-18'],
  positional: ['筛选'],
  args: () =>
    z.object({
      筛选: z.literal('超期', { error: '只能写 超期' }).optional(),
      到期: z.enum(['今天', '本周'], { error: '到期应为 今天 或 本周' }).optional(),
      部门: z.string().min(1).max(16).optional(),
    }),
  async handle(ctx, a) {
    await listCases(ctx, { 到期: a.到期, 超期: a.筛选, 部门: a.部门 });
  },
});
