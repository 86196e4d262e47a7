import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { findDepartment } from '../src/kernel/directory';
import { UserError } from '../src/kernel/errors';
import { hasRole } from '../src/kernel/permissions';
import { findLedger } from '../src/kernel/ledger';
import { writeWorkbook } from '../src/reports/xlsx';
import { localDate } from '../src/kernel/time';
import { defineCommand } from '../src/kernel/command';

// docs/commands.md: `导出 <台账> [从=… 到=…] [部门=…]` → an xlsx file back in chat. hall_office gets full values,
// leader/supervisor masked personal data (REC-07), chief_rep its own department's rows of the ● ledgers.
// Every export is audited (REC-02).
export const exportLedger = defineCommand({
  name: '导出',
  group: '常用',
  summary: '导出台账（xlsx 文件发回聊天）',
  roles: ['hall_office', 'leader', 'supervisor', 'chief_rep'],
  usage: '导出 <台账> [从=<日期> 到=<日期>] [部门=<代码>]',
  examples: ['导出 投诉台账 从=2026-01-01 到=2026-03-31', '导出 审计日志'],
  rules: ['REC-02', 'REC-04', 'REC-07', 'REC-08'],
  positional: ['台账'],
  args: (t) =>
    z.object({
      台账: z.string().optional(),
      从: t.date('开始日期').optional(),
      到: t.date('结束日期').optional(),
      部门: z.string().optional(),
    }),
  async handle(ctx, args) {
    const ledgers = ctx.deps.tables.ledgers;
    if (!args.台账) {
      await ctx.reply(
        `可导出的台账：${ledgers.map((l) => l.name).join('、')}\n例：导出 ${ledgers[0].name} 从=2026-01-01 到=2026-03-31`,
      );
      return;
    }
    const ledger = findLedger(ledgers, args.台账);
    if (!ledger) throw new UserError(`没有“${args.台账}”。可导出：${ledgers.map((l) => l.name).join('、')}`);
    const office = hasRole(ctx.actor, 'hall_office');
    const centre = office || hasRole(ctx.actor, 'leader', 'supervisor');
    let department = args.部门 ? (await findDepartment(ctx.m, args.部门)).code : undefined;
    if (!centre) {
      // DIR-10: a 首席代表 exports only its own department, and only ledgers kept per department (●).
      if (!ledger.perDepartment) throw new UserError(`“${ledger.name}”只能由大厅管理室或中心领导导出。`);
      if (!ctx.actor.departmentCode) throw new UserError('你的账号未关联部门，无法导出。');
      department = ctx.actor.departmentCode;
    }
    const today = localDate(ctx.now);
    const range = { from: args.从 ?? `${today.slice(0, 4)}-01-01`, to: args.到 ?? today };
    if (range.to < range.from) throw new UserError('结束日期早于开始日期。');
    const sheets = await ledger.build(ctx.deps.db, range, { unmasked: office, department });
    const dir = join(ctx.deps.config.attachmentDir, 'exports');
    await mkdir(dir, { recursive: true });
    const filename = `${ledger.name}_${range.from}_${range.to}${department ? `_${department}` : ''}.xlsx`;
    const path = join(dir, `${ctx.actor.userid}-${ctx.now.getTime()}-${filename}`);
    await writeWorkbook(path, ledger.name, sheets);
    const rows = sheets.reduce((n, s) => n + s.rows.length, 0);
    await ctx.audit('ledger.export', 'ledger', ledger.name, {
      ...range,
      department: department ?? null,
      unmasked: office,
      rows,
    });
    await ctx.send(
      { user: ctx.actor.userid },
      { file: { path, filename, transient: true } }, // deleted once delivered (retention)
      `export:${ctx.actor.userid}:${ctx.now.getTime()}:${ledger.name}`,
    );
    await ctx.reply(
      `✅ ${ledger.name} ${range.from}至${range.to}${department ? ` ${department}` : ''}：${rows} 行，文件已发送${office ? '' : '（个人信息已脱敏）'}`,
    );
  },
});
