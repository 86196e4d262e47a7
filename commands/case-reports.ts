import { z } from 'zod';
import { FAULT_PARTIES, listPendingFaults, setCaseFault } from '../src/domain/cases/fault';
import { overdueRateReply } from '../src/domain/cases/overdue-report';
import { openImportSlot } from '../src/importer/slot';
import { defineCommand } from '../src/kernel/command';
import { monthKey, localDate } from '../src/kernel/time';

// 办件 导入 (CAS-02), 办件 超期率 (CAS-19, OPEN #45) and 办件 责任 (ACC-08): the platform mirror, the cases'
// report and fault attribution.

export const caseOverdueRate = defineCommand({
  name: '办件 超期率',
  group: '办件',
  summary: '办件超期率（按月，撤回另计）：大厅管理室/领导看全厅和各部门，首席代表看本部门',
  roles: ['hall_office', 'leader', 'chief_rep'],
  usage: '办件 超期率 [月份]',
  examples: ['办件 超期率', '办件 超期率 上月', '办件 超期率 2026-02'],
  rules: ['CAS-19', 'CAS-16', 'OPEN #45'],
  positional: ['月份'],
  args: (t) => z.object({ 月份: t.month('月份').optional() }),
  async handle(ctx, a) {
    await ctx.reply(await overdueRateReply(ctx, a.月份 ?? monthKey(localDate(ctx.now))));
  },
});

export const caseFault = defineCommand({
  name: '办件 责任',
  group: '办件',
  summary: '综窗办件差错责任认定（审批部门/综窗）；不带编号列出待认定的办件',
  roles: ['hall_office'],
  usage: '办件 责任 [<AJ号> 责任方=审批部门|综窗 说明=…]',
  examples: ['办件 责任', '办件 责任 AJ2026-01234 责任方=审批部门 说明=审查要点过期'],
  rules: ['ACC-08', 'CAS-13'],
  positional: ['编号'],
  args: () =>
    z
      .object({
        编号: z.string().max(64).optional(),
        责任方: z.enum(FAULT_PARTIES, { error: `责任方应为 ${FAULT_PARTIES.join(' 或 ')}` }).optional(),
        说明: z.string().min(2, '说明至少2个字').max(200).optional(),
      })
      .refine((a) => !a.编号 || (a.责任方 && a.说明), { message: '认定责任需要 责任方= 和 说明=' }),
  async handle(ctx, a) {
    await ctx.reply(a.编号 ? await setCaseFault(ctx, a.编号, a.责任方!, a.说明!) : await listPendingFaults(ctx));
  },
});

export const caseImport = defineCommand({
  name: '办件 导入',
  group: '办件',
  summary: '导入一体化在线政务服务平台的办件导出表（按平台号更新，列出与平台的差异）',
  roles: ['hall_office'],
  usage: '办件 导入（随后发送 .xlsx 或 .csv 文件）',
  examples: ['办件 导入'],
  rules: ['CAS-02'],
  args: () => z.object({}),
  handle: (ctx) => openImportSlot(ctx, 'cases'),
});
