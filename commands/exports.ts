import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { findDepartment } from '../src/kernel/directory';
import { UserError } from '../src/kernel/errors';
import { hasRole, rolesLabel } from '../src/kernel/permissions';
import {
  ANY_EXPORT_ROLES,
  CENTRE_EXPORT_ROLES,
  UNMASKED_EXPORT_ROLES,
  exportRoles,
  findLedger,
  ledgerPeriod,
  type Ledger,
} from '../src/kernel/ledger';
import type { Actor } from '../src/kernel/ctx';
import { writeWorkbook } from '../src/reports/xlsx';
import { localDate } from '../src/kernel/time';
import { defineCommand } from '../src/kernel/command';

// docs/commands.md: `导出 <台账> [月份|年] [从=… 到=…] [部门=…]` → an xlsx file back in chat. hall_office gets full
// values, leader/supervisor masked personal data (REC-07), chief_rep its own department's rows of the ● ledgers
// (DIR-10). Who may export which ledger comes from the ledger's declaration (exportRoles, D227). Every export is
// audited (REC-02).

const HOW = '导出 <名称> [月份|年]';
const HOW_EXAMPLE = '例：导出 巡查台账 2026-03；导出 投诉台账 2026；或 导出 <名称> 从=<日期> 到=<日期>';

/** A ledger this actor may export (the 首席代表 only its own department's rows). */
const mayExport = (actor: Actor, l: Ledger) => exportRoles(l).some((r) => actor.roles.includes(r));

export const exportLedger = defineCommand({
  name: '导出',
  group: '常用',
  summary: '导出台账（xlsx 文件发回聊天）；导出 列表 查看全部台账',
  roles: ANY_EXPORT_ROLES,
  usage: '导出 <台账> [月份|年] [从=<日期> 到=<日期>] [部门=<代码>]',
  examples: [
    '导出 投诉台账 2026-03',
    '导出 巡查台账 2026',
    '导出 投诉台账 从=2026-01-01 到=2026-03-31',
    '导出 审计日志',
  ],
  rules: ['REC-02', 'REC-04', 'REC-07', 'REC-08'],
  positional: ['台账', '期间'],
  args: (t) =>
    z.object({
      台账: z.string().optional(),
      期间: z.string().optional(),
      从: t.date('开始日期').optional(),
      到: t.date('结束日期').optional(),
      部门: z.string().optional(),
    }),
  async handle(ctx, args) {
    const ledgers = ctx.deps.tables.ledgers;
    const mine = ledgers.filter((l) => mayExport(ctx.actor, l)).map((l) => l.name);
    if (!args.台账) {
      await ctx.reply(
        `你可导出的台账：${mine.join('、')}\n${HOW_EXAMPLE}\n发送“导出 列表”查看全部台账及可导出的角色。`,
      );
      return;
    }
    const ledger = findLedger(ledgers, args.台账);
    if (!ledger) throw new UserError(`没有“${args.台账}”。你可导出：${mine.join('、')}（发送“导出 列表”查看全部）`);
    const office = hasRole(ctx.actor, ...UNMASKED_EXPORT_ROLES);
    const centre = hasRole(ctx.actor, ...CENTRE_EXPORT_ROLES);
    let department = args.部门 ? (await findDepartment(ctx.m, args.部门)).code : undefined;
    if (!centre) {
      // DIR-10: a 首席代表 exports only its own department, and only ledgers kept per department (●).
      if (!mayExport(ctx.actor, ledger))
        throw new UserError(`“${ledger.name}”只能由${rolesLabel(exportRoles(ledger))}导出。`);
      if (!ctx.actor.departmentCode) throw new UserError('你的账号未关联部门，无法导出。');
      department = ctx.actor.departmentCode;
    }
    if (args.期间 && (args.从 || args.到)) throw new UserError('月份/年份与 从=/到= 只能二选一。');
    const today = localDate(ctx.now);
    const range = args.期间
      ? ledgerPeriod(args.期间, ctx.now)
      : { from: args.从 ?? `${today.slice(0, 4)}-01-01`, to: args.到 ?? today };
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

// D227: every ledger with the roles that may export it, read from the declarations (exportRoles), and which of
// them the asker may export. One reply; the outbox splits it at WeCom's 2048 bytes.
export const exportList = defineCommand({
  name: '导出 列表',
  group: '常用',
  summary: '列出全部台账、可导出的角色和导出方法',
  roles: ANY_EXPORT_ROLES,
  usage: '导出 列表',
  examples: ['导出 列表'],
  rules: ['REC-04', 'REC-07'],
  args: () => z.object({}),
  async handle(ctx) {
    const ledgers = ctx.deps.tables.ledgers;
    const lines = ledgers.map(
      (l, i) =>
        `${i + 1}. ${l.name}${l.perDepartment ? ' ●' : ''} — ${rolesLabel(exportRoles(l))}${mayExport(ctx.actor, l) ? '' : '（你不可导出）'}`,
    );
    const mine = ledgers.filter((l) => mayExport(ctx.actor, l));
    const own = hasRole(ctx.actor, ...CENTRE_EXPORT_ROLES) ? '' : '（仅本部门的数据）';
    await ctx.reply(
      [
        `【台账】共 ${ledgers.length} 本，你可导出 ${mine.length} 本${mine.length ? own : ''}`,
        ...lines,
        `● 首席代表可导出本部门的数据；个人信息仅${rolesLabel(UNMASKED_EXPORT_ROLES)}导出全文，其他角色导出时脱敏（REC-07）。`,
        `导出方法：${HOW}（不写默认本年1月1日至今天）`,
        HOW_EXAMPLE,
      ].join('\n'),
    );
  },
});
