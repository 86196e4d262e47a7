import { z } from 'zod';
import { CASE_MODES, CASE_TYPES } from '../entities/case';
import { acceptCase } from '../src/domain/cases/accept';
import { refuseCase } from '../src/domain/cases/closing';
import { markSupplied, receiveCase, requestSupplement } from '../src/domain/cases/intake';
import { CASE_WORKERS } from '../src/domain/cases/model';
import { defineCommand } from '../src/kernel/command';

// 办件 before the clock (docs/commands.md): 收件, 补正, 补齐, 受理, 不予受理. The 一体化在线政务服务平台
// stays the system of record (CAS-02); these mirror what the window does there.

export const ajNo = z.string({ error: '缺少办件编号' }).min(2).describe('办件编号（AJ2026-01234、AJ1234 或平台号）');

export const caseReceive = defineCommand({
  name: '办件 收件',
  group: '办件',
  summary: '收件登记（首问责任人为收件人）',
  roles: CASE_WORKERS,
  usage: '办件 收件 事项=<名称|编码> 申请人=… 电话=… [平台号=… 类型=即办|承诺 模式=一次办|异地通办|工程建设]',
  examples: ['办件 收件 事项=户籍迁入 申请人=张某 电话=13912345678 平台号=150626-2026-000812'],
  rules: ['CAS-01', 'CAS-03', 'CAS-05', 'ITM-05', 'CAS-24'],
  args: () =>
    z.object({
      事项: z.string({ error: '缺少事项' }).min(1).max(128).describe('事项名称或编码'),
      申请人: z.string({ error: '缺少申请人' }).min(1).max(64).describe('申请人'),
      电话: z
        .string()
        .regex(/^[\d-]{7,20}$/, '应为电话号码')
        .optional()
        .describe('联系电话'),
      平台号: z.string().min(4).max(64).optional().describe('一体化平台办件编号'),
      类型: z.enum(CASE_TYPES, { error: '类型应为 即办 或 承诺' }).optional(),
      模式: z
        .enum(['普通', ...CASE_MODES.slice(1)] as const, { error: '模式应为 一次办、异地通办 或 工程建设' })
        .optional(),
    }),
  async handle(ctx, a) {
    await ctx.reply(await receiveCase(ctx, a));
  },
});

export const caseSupplement = defineCommand({
  name: '办件 补正',
  group: '办件',
  summary: '一次性告知需补正的材料（生成一次性告知书）',
  roles: CASE_WORKERS,
  usage: '办件 补正 <AJ号> 材料=甲,乙',
  examples: ['办件 补正 AJ1234 材料=户口簿原件,婚姻证明'],
  rules: ['CAS-06', 'CAS-07'],
  positional: ['编号'],
  args: () => z.object({ 编号: ajNo, 材料: z.string({ error: '缺少材料' }).min(1).describe('需补正的材料，逗号分隔') }),
  async handle(ctx, a) {
    await ctx.reply(await requestSupplement(ctx, a.编号, a.材料));
  },
});

export const caseSupplied = defineCommand({
  name: '办件 补齐',
  group: '办件',
  summary: '记录收到补正材料（不写材料=全部补齐）',
  roles: CASE_WORKERS,
  usage: '办件 补齐 <AJ号> [材料=甲 日期=…]',
  examples: ['办件 补齐 AJ1234', '办件 补齐 AJ1234 材料=户口簿原件 日期=昨天'],
  rules: ['CAS-07', 'CAS-08'],
  positional: ['编号'],
  args: (t) => z.object({ 编号: ajNo, 材料: z.string().optional(), 日期: t.date('补齐日期').optional() }),
  async handle(ctx, a) {
    await ctx.reply(await markSupplied(ctx, a.编号, a.材料, a.日期));
  },
});

export const caseAccept = defineCommand({
  name: '办件 受理',
  group: '办件',
  summary: '受理并起算时限（次日起算；即办件当日17:30到期）',
  roles: CASE_WORKERS,
  usage: '办件 受理 <AJ号> [补齐=<日期> 确认=@… 寄材料=是]',
  examples: ['办件 受理 AJ1234', '办件 受理 AJ1240 确认=@属地审核人 寄材料=是'],
  rules: ['CAS-01', 'CAS-08', 'CAS-13', 'CAS-14', 'CAS-22', 'CAS-24'],
  positional: ['编号'],
  args: (t) =>
    z.object({
      编号: ajNo,
      补齐: t.date('补齐日期').optional(),
      确认: z.string().min(1).max(64).optional().describe('审核/属地部门确认人'),
      寄材料: z.enum(['是', '否'], { error: '寄材料应为 是 或 否' }).optional(),
    }),
  async handle(ctx, a) {
    await ctx.reply(await acceptCase(ctx, a.编号, a));
  },
});

export const caseRefuse = defineCommand({
  name: '办件 不予受理',
  group: '办件',
  summary: '不予受理（须写原因和法律依据）',
  roles: CASE_WORKERS,
  usage: '办件 不予受理 <AJ号> 原因=… 依据=…',
  examples: ['办件 不予受理 AJ1234 原因=不属于本机关职权范围 依据=《行政许可法》第三十二条'],
  rules: ['CAS-11'],
  positional: ['编号'],
  args: () => z.object({ 编号: ajNo, 原因: z.string().optional(), 依据: z.string().optional() }),
  async handle(ctx, a) {
    await ctx.reply(await refuseCase(ctx, a.编号, a.原因, a.依据));
  },
});
