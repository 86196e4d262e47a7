import { z } from 'zod';
import { handOver } from '../src/domain/consult/handover';
import { defineCommand } from '../src/kernel/command';
import type { FormDef } from '../src/kernel/forms';

// 办件 交接 (CAS-13, CAS-14): the signed handovers of the 《材料证照流转单》 — paper materials to the 审批部门 the
// same day, the result to 统一出件. The slip prints with `导出 表单 LZ…` (the case's own number with LZ).

export const caseHandover = defineCommand({
  name: '办件 交接',
  group: '综窗',
  summary: '流转单交接签收：纸质材料交审批部门（当日），结果交统一出件',
  roles: ['staff', 'provider'],
  usage: '办件 交接 <AJ号> 审批|出件 接收人=@… [材料=…]',
  examples: [
    '办件 交接 AJ1234 审批 接收人=@王五 材料=身份证复印件1份,申请表原件1份',
    '办件 交接 AJ1234 出件 接收人=@蒋涛',
  ],
  rules: ['CAS-13', 'CAS-14', 'OPEN #44', 'OPEN #48'],
  positional: ['编号', '环节'],
  args: () =>
    z.object({
      编号: z.string({ error: '缺少办件编号' }).min(2).describe('办件编号（AJ2026-01234 或 AJ1234）或平台办件号'),
      环节: z.string({ error: '缺少环节' }).describe('审批 或 出件'),
      接收人: z.string({ error: '缺少接收人' }).min(1).describe('签收人（@姓名）'),
      材料: z.string().max(500).optional().describe('材料清单及份数'),
    }),
  async handle(ctx, a) {
    await ctx.reply(await handOver(ctx, a));
  },
});

/** 材料证照流转单 (CAS-14, OPEN #48): the H5 handover form; the printed slip is `导出 表单 LZ…`. */
export const caseSlipH5: FormDef = {
  kind: 'case-slip',
  title: '材料证照流转单',
  aliases: ['流转单'],
  command: '办件 交接',
  intro: '每次交接由接收人签收；纸质材料须当日交审批部门（CAS-13）。打印整张流转单：导出 表单 LZ<办件号>。',
  fields: [
    { key: '编号', label: '办件编号', required: true, help: '如 AJ2026-01234 或平台办件号' },
    { key: '环节', label: '交接环节', type: 'select', options: ['审批', '出件'], required: true },
    { key: '接收人', label: '接收人', required: true, help: '@姓名' },
    { key: '材料', label: '材料清单及份数', type: 'textarea', help: '原件/复印件，份数' },
  ],
};
