import { z } from 'zod';
import { yes } from '../src/domain/items/model';
import { dispatch, handOver, queryMail } from '../src/domain/mail/handling';
import { mailIn, mailOut } from '../src/domain/mail/register';
import { judge, sampleText } from '../src/domain/mail/spot-check';
import { defineCommand } from '../src/kernel/command';
import { windowNumberOf } from '../src/kernel/directory';
import { UserError } from '../src/kernel/errors';
import { addMonths, localDate } from '../src/kernel/time';

// 政务专递 (docs/commands.md; 000 政务专递; MAIL-01…08): free EMS mail of a case's materials and results, the
// 邮寄台账, its hand-overs and the monthly spot check. Every entry names its case (MAIL-02/08).

const DESK = ['guide', 'staff', 'provider', 'hall_office'] as const;
const caseArg = () => z.string().optional().describe('办件编号（AJ2026-01234）或平台办件号');
const yjArg = () => z.string({ error: '缺少YJ编号' }).min(2).describe('YJ编号（YJ2026-0088 或 YJ88）');

export const mailInCmd = defineCommand({
  name: '专递 寄入',
  group: '专递',
  summary: '登记预审通过后免费寄入的申请材料（志愿服务台/“办不成事”窗口）',
  roles: DESK,
  usage: '专递 寄入 <AJ号|平台号> 单号=<EMS单号>',
  examples: ['专递 寄入 AJ2026-01234 单号=1188000000001'],
  rules: ['MAIL-01', 'MAIL-02', 'MAIL-03'],
  positional: ['办件'],
  args: () => z.object({ 办件: caseArg(), 单号: z.string({ error: '缺少EMS单号' }).min(4).describe('EMS单号') }),
  async handle(ctx, a) {
    await ctx.reply(await mailIn(ctx, a.办件 ?? '', a.单号));
  },
});

export const mailHandOver = defineCommand({
  name: '专递 转交',
  group: '专递',
  summary: '登记邮件材料的交接（每次交接留痕）',
  roles: DESK,
  usage: '专递 转交 <YJ号> 接收人=@…',
  examples: ['专递 转交 YJ87 接收人=@李四'],
  rules: ['MAIL-03', 'MAIL-07'],
  positional: ['编号'],
  args: () => z.object({ 编号: yjArg(), 接收人: z.string({ error: '缺少接收人' }).min(1).describe('接收人（@姓名）') }),
  async handle(ctx, a) {
    await ctx.reply(await handOver(ctx, a.编号, a.接收人));
  },
});

export const mailOutCmd = defineCommand({
  name: '专递 寄出',
  group: '专递',
  summary: '登记申请人选择审批结果免费邮寄（联系人、电话、地址），办结后寄出',
  roles: DESK,
  usage: '专递 寄出 <AJ号|平台号> 联系人=… 电话=… 地址=…',
  examples: ['专递 寄出 AJ2026-01234 联系人=张三 电话=13900000000 地址=乌审旗嘎鲁图镇…'],
  rules: ['MAIL-02', 'MAIL-04', 'MAIL-08'],
  positional: ['办件'],
  args: () =>
    z.object({
      办件: caseArg(),
      联系人: z.string().optional(),
      电话: z.string().optional(),
      地址: z.string().optional(),
    }),
  async handle(ctx, a) {
    await ctx.reply(await mailOut(ctx, a.办件 ?? '', { contact: a.联系人, phone: a.电话, address: a.地址 }));
  },
});

export const mailDispatch = defineCommand({
  name: '专递 发出',
  group: '专递',
  summary: '登记结果已寄出（EMS单号、短信告知），再发快递存单照片关闭',
  roles: DESK,
  usage: '专递 发出 <YJ号> 单号=<EMS单号> [短信=是]',
  examples: ['专递 发出 YJ88 单号=1188000000002 短信=是'],
  rules: ['MAIL-04', 'REC-09'],
  positional: ['编号'],
  args: () => z.object({ 编号: yjArg(), 单号: z.string().optional(), 短信: z.string().optional() }),
  async handle(ctx, a) {
    const sms = a.短信 === undefined ? false : yes(a.短信);
    if (sms === undefined) throw new UserError(`“短信=${a.短信}”应为 是 或 否`);
    await ctx.reply(await dispatch(ctx, a.编号, a.单号, sms));
  },
});

export const mailQuery = defineCommand({
  name: '专递 查询',
  group: '专递',
  summary: '查询邮件的EMS单号、状态和交接，并告知查询电话',
  roles: ['guide', 'staff', 'provider', 'hall_office', 'chief_rep'],
  usage: '专递 查询 <YJ号|AJ号>',
  examples: ['专递 查询 YJ88', '专递 查询 AJ2026-01234'],
  rules: ['MAIL-05'],
  positional: ['编号'],
  args: () => z.object({ 编号: z.string({ error: '缺少编号' }).min(2).describe('YJ编号或办件编号') }),
  async handle(ctx, a) {
    await ctx.reply(await queryMail(ctx, a.编号));
  },
});

export const mailSpotCheck = defineCommand({
  name: '专递 抽查',
  group: '专递',
  summary: '抽取某月政务专递清单样本（每窗口5条，不足全抽；重复抽取结果相同）',
  roles: ['hall_office'],
  usage: '专递 抽查 [月份] [窗口=…]',
  examples: ['专递 抽查', '专递 抽查 2026-03 窗口=12'],
  rules: ['MAIL-06', 'OPEN #49'],
  positional: ['月份'],
  args: (t) => z.object({ 月份: t.month('月份').optional(), 窗口: z.string().optional() }),
  async handle(ctx, a) {
    const month = a.月份 ?? addMonths(localDate(ctx.now), -1).slice(0, 7);
    await ctx.reply(await sampleText(ctx, month, a.窗口 ? windowNumberOf(a.窗口) : undefined));
  },
});

export const mailJudge = defineCommand({
  name: '专递 判定',
  group: '专递',
  summary: '抽查判定：不合规的记扣分事件并补缴快递费',
  roles: ['hall_office'],
  usage: '专递 判定 <YJ号> 合规|不合规 说明=… [补缴=<元>]',
  examples: ['专递 判定 YJ88 不合规 说明=寄送材料与办件无关 补缴=18', '专递 判定 YJ87 合规 说明=—'],
  rules: ['MAIL-06', 'PRF-14', 'OPEN #12'],
  positional: ['编号', '判定'],
  args: () =>
    z.object({
      编号: yjArg(),
      判定: z.enum(['合规', '不合规'], { error: '判定应为 合规 或 不合规' }).describe('合规 或 不合规'),
      说明: z.string({ error: '缺少说明' }).min(1).describe('判定说明'),
      补缴: z
        .string()
        .regex(/^\d{1,4}(元)?$/, '应为整数元，例：18')
        .transform((s) => Number(s.replace('元', '')))
        .optional(),
    }),
  async handle(ctx, a) {
    await ctx.reply(await judge(ctx, a.编号, a.判定, a.说明, a.补缴));
  },
});
