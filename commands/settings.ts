import { z } from 'zod';
import { SettingRow } from '../entities/setting';
import { UserError } from '../src/kernel/errors';
import { replyList } from '../src/kernel/replies';
import { getSetting, isSettingName, parseSettingValue } from '../src/settings/settings';
import { SETTINGS, jobCronSchema } from '../src/settings/table';
import type { JobDef } from '../src/kernel/job';
import { defineCommand } from '../src/kernel/command';
import { afterCalendarChange } from '../src/calendar/service';

// every OPEN proposal is a named setting with its default, changed by an admin without a
// deploy and audited (old → new, who, why). Job times are settings `job.<name>.cron` (D15).

const show = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));

function jobOf(jobs: readonly JobDef[], name: string) {
  const m = /^job\.(.+)\.cron$/.exec(name);
  return m ? jobs.find((j) => j.name === m[1]) : undefined;
}

export const settingsList = defineCommand({
  name: '设置 列表',
  group: '设置',
  summary: '列出所有可调整的规则设置（待确认事项的建议值）',
  roles: ['admin', 'hall_office'],
  usage: '设置 列表',
  examples: ['设置 列表'],
  args: () => z.object({}),
  async handle(ctx) {
    const lines: string[] = [];
    for (const [name, def] of Object.entries(SETTINGS)) {
      const value = await getSetting(ctx.m, name as keyof typeof SETTINGS);
      const changed = show(value) !== show(def.default) ? '（已修改）' : '';
      lines.push(`${name} = ${show(value)}${changed}${def.open ? ` ［OPEN #${def.open}］` : ''}`);
    }
    for (const job of ctx.deps.tables.jobs) {
      const row = await ctx.m.findOne(SettingRow, { where: { name: `job.${job.name}.cron` } });
      lines.push(`job.${job.name}.cron = ${row ? show(row.value) : job.cron}${row ? '（已修改）' : ''}`);
    }
    await replyList(ctx, `规则设置 ${lines.length} 项（设置 查看 <名称> 看说明）`, lines);
  },
});

export const settingsView = defineCommand({
  name: '设置 查看',
  group: '设置',
  summary: '查看一项设置的当前值、默认值、说明和依据',
  roles: ['admin', 'hall_office'],
  usage: '设置 查看 <名称>',
  examples: ['设置 查看 calendar.endOfDay'],
  positional: ['名称'],
  args: () => z.object({ 名称: z.string().describe('设置名称') }),
  async handle(ctx, args) {
    const job = jobOf(ctx.deps.tables.jobs, args.名称);
    if (job) {
      const row = await ctx.m.findOne(SettingRow, { where: { name: args.名称 } });
      await ctx.reply(
        `${args.名称}\n当前：${row ? show(row.value) : job.cron}｜默认：${job.cron}\n${job.summary}\n依据：${job.rules.join(', ')}`,
      );
      return;
    }
    if (!isSettingName(args.名称)) throw new UserError(`没有设置“${args.名称}”。发送“设置 列表”查看全部。`);
    const def = SETTINGS[args.名称];
    const row = await ctx.m.findOne(SettingRow, { where: { name: args.名称 } });
    const value = await getSetting(ctx.m, args.名称);
    await ctx.reply(
      [
        args.名称,
        `当前：${show(value)}｜默认：${show(def.default)}`,
        def.description,
        `依据：${def.rules.join(', ') || '—'}${'open' in def && def.open ? `｜OPEN #${def.open}（建议值，待大厅管理室确认）` : ''}`,
        row ? `最近修改：${row.updatedBy}` : '',
      ]
        .filter(Boolean)
        .join('\n'),
    );
  },
});

export const settingsChange = defineCommand({
  name: '设置 修改',
  group: '设置',
  summary: '修改一项设置（立即生效，记录审计）',
  roles: ['admin', 'hall_office'],
  usage: '设置 修改 <名称> <值> [说明=…]',
  examples: ['设置 修改 calendar.endOfDay 17:00 说明=冬季作息'],
  positional: ['名称', '值'],
  args: () =>
    z.object({ 名称: z.string().describe('设置名称'), 值: z.string().describe('新值'), 说明: z.string().optional() }),
  async handle(ctx, args) {
    let value: unknown;
    let before: unknown;
    if (jobOf(ctx.deps.tables.jobs, args.名称)) {
      const r = jobCronSchema.safeParse(args.值);
      if (!r.success) throw new UserError(`设置值“${args.值}”无效：${r.error.issues[0].message}`);
      value = r.data;
      const row = await ctx.m.findOne(SettingRow, { where: { name: args.名称 } });
      before = row ? row.value : jobOf(ctx.deps.tables.jobs, args.名称)!.cron;
    } else {
      if (!isSettingName(args.名称)) throw new UserError(`没有设置“${args.名称}”。发送“设置 列表”查看全部。`);
      value = parseSettingValue(SETTINGS[args.名称].schema, args.值);
      before = await getSetting(ctx.m, args.名称);
    }
    await ctx.m.save(SettingRow, { name: args.名称, value, updatedBy: ctx.actor.userid, updatedAt: ctx.now });
    await ctx.audit('setting.change', 'setting', args.名称, {
      from: before as never,
      to: value as never,
      reason: args.说明 ?? null,
    });
    // The end of day moves every WD deadline (OPEN #1): refresh the calendar and recompute open deadlines.
    if (args.名称 === 'calendar.endOfDay')
      await afterCalendarChange(ctx.m, ctx.now, ctx.actor.userid, ctx.deps.calendar, `设置 ${args.名称}`);
    await ctx.reply(`✅ ${args.名称}：${show(before)} → ${show(value)}（已生效）`);
  },
});
