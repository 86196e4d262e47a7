import { z } from 'zod';
import { viewItem, setItem } from '../src/domain/items/catalogue';
import { fileChange } from '../src/domain/items/changes';
import { itemReport } from '../src/domain/items/figures';
import { fileGuide } from '../src/domain/items/guides';
import { updateList } from '../src/domain/items/list-update';
import { yes } from '../src/domain/items/model';
import { openImportSlot } from '../src/importer/slot';
import { defineCommand } from '../src/kernel/command';
import { UserError } from '../src/kernel/errors';
import { localDate } from '../src/kernel/time';

// 事项动态管理 (docs/commands.md; 000 事项动态, 限时办结 第四、五条; ITM-01…10): the catalogue in chat. The list
// itself arrives by `导入 事项` / `npm run cli -- import items <file>`.

const opt = () => z.string().trim().min(1).optional();

export const itemView = defineCommand({
  name: '事项 查看',
  group: '事项',
  summary: '查看事项：十项公开要素、法定/承诺时限、即办、综窗',
  roles: 'all',
  usage: '事项 查看 <名称|编码>',
  examples: ['事项 查看 户籍迁入', '事项 查看 1500-0001'],
  rules: ['ITM-05', 'ITM-06', 'ITM-08'],
  positional: ['事项'],
  args: () => z.object({ 事项: z.string({ error: '缺少事项' }).min(1).describe('事项名称或编码') }),
  async handle(ctx, a) {
    await ctx.reply(await viewItem(ctx, a.事项));
  },
});

export const itemSet = defineCommand({
  name: '事项 设置',
  group: '事项',
  summary: '设置事项的法定/承诺时限、即办、综窗、全程网办（承诺时限不得超过法定时限）',
  roles: ['hall_office'],
  usage: '事项 设置 <编码> [法定时限= 承诺时限= 即办=是|否 综窗=是|否 网办=是|否 依据=…]',
  examples: ['事项 设置 1500-0001 法定时限=20 承诺时限=5', '事项 设置 1500-0002 即办=是'],
  rules: ['ITM-05', 'ITM-06', 'ITM-08', 'ITM-09', 'OPEN #40'],
  positional: ['事项'],
  args: () =>
    z.object({
      事项: z.string({ error: '缺少事项编码' }).min(1).describe('事项编码或名称'),
      法定时限: opt(),
      承诺时限: opt(),
      即办: opt(),
      综窗: opt(),
      网办: opt(),
      依据: opt(),
    }),
  async handle(ctx, { 事项, ...rest }) {
    await ctx.reply(await setItem(ctx, 事项, rest));
  },
});

export const itemChange = defineCommand({
  name: '事项 调整',
  group: '事项',
  summary: '提交事项调整申请（新增/取消/变更），送中心初审；可再发书面申请文件',
  roles: ['chief_rep', 'hall_office'],
  usage: '事项 调整 新增|取消|变更 事项=… 原因=1-6 生效=<日期> [审批人员=@… 编码=… 说明=… 涉密=否 部门=…]',
  examples: [
    '事项 调整 新增 事项=居住证办理 原因=1 生效=3月10日 审批人员=@李四',
    '事项 调整 取消 事项=1500-0003 原因=4 生效=今天 说明=职责划转至旗民政局',
  ],
  rules: ['ITM-01', 'ITM-02', 'ITM-03', 'ITM-10', 'OPEN #39'],
  positional: ['类型'],
  args: (t) =>
    z.object({
      类型: z.string({ error: '缺少调整类型（新增/取消/变更）' }).describe('新增、取消 或 变更'),
      事项: z.string({ error: '缺少事项' }).min(1).describe('事项名称或编码'),
      原因: z.string({ error: '缺少原因' }).min(1).describe('ITM-02 原因 1–6'),
      生效: t.date('生效日期'),
      审批人员: opt(),
      编码: opt(),
      说明: opt(),
      涉密: opt(),
      部门: opt(),
    }),
  async handle(ctx, a) {
    const secret = a.涉密 === undefined ? false : yes(a.涉密);
    if (secret === undefined) throw new UserError(`“涉密=${a.涉密}”应为 是 或 否`);
    await ctx.reply(
      await fileChange(ctx, {
        type: a.类型,
        item: a.事项,
        reason: a.原因,
        effective: a.生效,
        approvers: a.审批人员,
        code: a.编码,
        note: a.说明,
        secret,
        department: a.部门?.toUpperCase(),
      }),
    );
  },
});

export const itemUpdate = defineCommand({
  name: '事项 更新',
  group: '事项',
  summary: '（旗政务服务局）按已通过初审的调整申请更新事项清单',
  roles: ['hall_office'],
  usage: '事项 更新 <SX号> [编码=…]',
  examples: ['事项 更新 SX5', '事项 更新 SX2026-0005 编码=1500-0101'],
  rules: ['ITM-04', 'OPEN #39'],
  positional: ['编号'],
  args: () => z.object({ 编号: z.string({ error: '缺少SX编号' }).min(2).describe('SX编号'), 编码: opt() }),
  async handle(ctx, a) {
    await ctx.reply(await updateList(ctx, a.编号, a.编码));
  },
});

export const itemGuide = defineCommand({
  name: '事项 要点',
  group: '事项',
  summary: '登记审查要点/办事指南/答疑手册的新版本（保留历史版本），可再发文件',
  roles: ['chief_rep', 'hall_office'],
  usage: '事项 要点 <编码> 版本=… [类型=审查要点|办事指南|答疑手册 日期=…]',
  examples: ['事项 要点 1500-0001 版本=3', '事项 要点 1500-0001 版本=2 类型=办事指南 日期=3月2日'],
  rules: ['ITM-07', 'OPEN #41'],
  positional: ['事项'],
  args: (t) =>
    z.object({
      事项: z.string({ error: '缺少事项编码' }).min(1).describe('事项编码或名称'),
      版本: z.string({ error: '缺少版本' }).min(1).describe('版本号'),
      类型: opt(),
      日期: t.date('版本日期').optional(),
    }),
  async handle(ctx, a) {
    await ctx.reply(await fileGuide(ctx, a.事项, a.版本, a.类型, a.日期));
  },
});

export const itemReportCmd = defineCommand({
  name: '事项 报表',
  group: '事项',
  summary: '事项清单概况：全程网办率、无承诺时限、要点过期、休眠事项、综窗覆盖',
  roles: ['hall_office', 'leader'],
  usage: '事项 报表 [部门=…]',
  examples: ['事项 报表', '事项 报表 部门=GA'],
  rules: ['ITM-05', 'ITM-07', 'ITM-08', 'ITM-09', 'OPEN #41', 'OPEN #42'],
  args: () => z.object({ 部门: opt() }),
  async handle(ctx, a) {
    await ctx.reply(await itemReport(ctx.m, localDate(ctx.now), a.部门?.toUpperCase()));
  },
});

export const itemImport = defineCommand({
  name: '事项 导入',
  group: '事项',
  summary: '导入事项清单（xlsx/csv，按事项编码更新；涉密事项拒绝，整表不写入）',
  roles: ['hall_office'],
  usage: '事项 导入（然后在10分钟内发送表格文件）',
  examples: ['事项 导入'],
  rules: ['ITM-01', 'ITM-05', 'ITM-06', 'REC-05', 'OPEN #40'],
  args: () => z.object({}),
  async handle(ctx) {
    await openImportSlot(ctx, 'items');
  },
});
