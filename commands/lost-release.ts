import { z } from 'zod';
import { startClaim } from '../src/domain/lost-found/claim';
import { destroyItem, handToPolice, handToStation } from '../src/domain/lost-found/handling';
import { CLAIM_METHODS } from '../src/domain/lost-found/model';
import { listItems, viewItem } from '../src/domain/lost-found/view';
import { defineCommand } from '../src/kernel/command';
import { DESK, swNo } from './lost-intake';

// 遗失物品 leaving the desk (docs/commands.md; LST-05…10, MAIL-08, REC-07) and the desk's lists.

export const lostClaim = defineCommand({
  name: '失物 认领',
  group: '失物',
  summary: '认领：核验证件，收到签字照片后放行并注销',
  roles: DESK,
  usage: '失物 认领 <SW号> 方式=本人|委托|邮寄 证件=… 号码=… [姓名= 电话= 代领人= 同意= 地址=]',
  examples: [
    '失物 认领 SW7 方式=本人 证件=身份证 号码=152701199001011239 姓名=王某',
    '失物 认领 SW7 方式=委托 代领人=李某 同意=微信视频核实失主身份并授权 证件=身份证 号码=…',
    '失物 认领 SW7 方式=邮寄 同意=微信确认自费邮寄 地址=呼和浩特市… 证件=身份证 号码=…',
  ],
  rules: ['LST-08', 'LST-09', 'LST-10', 'MAIL-08', 'REC-07'],
  positional: ['编号'],
  // LST-08: 证件/号码 are checked by startClaim so the refusal cites the rule.
  args: () =>
    z.object({
      编号: swNo,
      方式: z.enum(CLAIM_METHODS, { error: `方式应为 ${CLAIM_METHODS.join('、')}` }).describe('认领方式'),
      证件: z.string().optional(),
      号码: z.string().optional(),
      姓名: z.string().max(32).optional(),
      电话: z.string().max(32).optional(),
      代领人: z.string().max(32).optional(),
      同意: z.string().max(128).optional(),
      地址: z.string().max(128).optional(),
    }),
  async handle(ctx, a) {
    await ctx.reply(await startClaim(ctx, a.编号, a));
  },
});

export const lostDestroy = defineCommand({
  name: '失物 销毁',
  group: '失物',
  summary: '易变坏食物或药品满三天无人认领：销毁登记',
  roles: DESK,
  usage: '失物 销毁 <SW号> 原因=… [见证=]',
  examples: ['失物 销毁 SW9 原因=牛奶已过保质期 见证=小马'],
  rules: ['LST-05', 'REC-09'],
  positional: ['编号'],
  args: () =>
    z.object({ 编号: swNo, 原因: z.string().min(2).describe('销毁原因'), 见证: z.string().max(32).optional() }),
  async handle(ctx, a) {
    await ctx.reply(await destroyItem(ctx, a.编号, a.原因, a.见证));
  },
});

export const lostToStation = defineCommand({
  name: '失物 交派出所',
  group: '失物',
  summary: '贵重物品交当地派出所',
  roles: DESK,
  usage: '失物 交派出所 <SW号> 派出所=… 接收人=…',
  examples: ['失物 交派出所 SW7 派出所=嘎鲁图派出所 接收人=张警官'],
  rules: ['LST-06'],
  positional: ['编号'],
  args: () =>
    z.object({
      编号: swNo,
      派出所: z.string().min(2).max(32).describe('派出所'),
      接收人: z.string().min(1).max(32).describe('接收人'),
    }),
  async handle(ctx, a) {
    await ctx.reply(await handToStation(ctx, a.编号, a.派出所, a.接收人));
  },
});

export const lostToPolice = defineCommand({
  name: '失物 交公安',
  group: '失物',
  summary: '公告满半年无人认领：移交公安机关',
  roles: DESK,
  usage: '失物 交公安 <SW号> 接收人=…',
  examples: ['失物 交公安 SW3 接收人=李警官'],
  rules: ['LST-07'],
  positional: ['编号'],
  args: () => z.object({ 编号: swNo, 接收人: z.string().min(1).max(32).describe('接收人') }),
  async handle(ctx, a) {
    await ctx.reply(await handToPolice(ctx, a.编号, a.接收人));
  },
});

export const lostList = defineCommand({
  name: '失物 列表',
  group: '失物',
  summary: '在库失物（先列数量：在库、易坏到期、半年到期）',
  roles: DESK,
  usage: '失物 列表 [状态=在库|已公告|到期]',
  examples: ['失物 列表', '失物 列表 状态=到期'],
  rules: ['LST-01', 'LST-05', 'LST-07'],
  positional: ['状态'],
  args: () =>
    z.object({ 状态: z.enum(['在库', '已公告', '到期'], { error: '状态应为 在库、已公告 或 到期' }).optional() }),
  async handle(ctx, a) {
    await listItems(ctx, a.状态);
  },
});

export const lostView = defineCommand({
  name: '失物 查看',
  group: '失物',
  summary: '查看一件失物的登记表（个人信息按权限脱敏）',
  roles: DESK,
  usage: '失物 查看 <SW号>',
  examples: ['失物 查看 SW7'],
  rules: ['LST-01', 'REC-07'],
  positional: ['编号'],
  args: () => z.object({ 编号: swNo }),
  async handle(ctx, a) {
    await ctx.reply(await viewItem(ctx, a.编号));
  },
});
