import { z } from 'zod';
import { mayRun, rolesLabel } from '../src/kernel/permissions';
import { commandFamily, matchCommand, nearestNames } from '../src/kernel/match';
import { replyMore } from '../src/kernel/replies';
import { GROUPS, defineCommand } from '../src/kernel/command';

// grammY/Hubot style (the house style): help is generated from the command table, never written twice.
export const help = defineCommand({
  name: '帮助',
  aliases: ['help', '?', '菜单'],
  group: '常用',
  summary: '列出你可以使用的命令；帮助 <类别> 列出一类命令，帮助 <命令> 查看用法',
  roles: 'all',
  usage: '帮助 [类别|命令]',
  examples: ['帮助', '帮助 投诉', '帮助 窗口 关闭'],
  positional: ['命令'],
  args: () => z.object({ 命令: z.string().optional() }),
  async handle(ctx, args) {
    const all = ctx.deps.tables.commands;
    const permitted = all.filter((c) => mayRun(ctx.actor, c));
    if (args.命令) {
      const words = args.命令.split(' ');
      const family = words.length === 1 ? commandFamily(words[0], all) : [];
      if (family.length > 0) {
        const mine = family.filter((c) => mayRun(ctx.actor, c));
        if (mine.length === 0) {
          await ctx.reply(`“${args.命令}”类命令你都没有权限使用。发送“帮助”查看你可以使用的命令。`);
          return;
        }
        const lines = mine.map((c) => `${c.name} — ${c.summary}`);
        await ctx.reply(`【${args.命令}】你可以使用的命令：\n${lines.join('\n')}\n发送“帮助 <命令>”查看用法和例子。`);
        return;
      }
      const found = matchCommand(words, all);
      if (!found) {
        const near = nearestNames(args.命令, permitted);
        await ctx.reply(`没有“${args.命令}”这个命令。${near.length ? `你是不是要：${near.join(' / ')}？` : ''}`);
        return;
      }
      const c = found.cmd;
      if (!mayRun(ctx.actor, c)) {
        await ctx.reply(`你没有权限使用“${c.name}”（需要：${rolesLabel(c.roles)}）。`);
        return;
      }
      const lines = [`${c.name} — ${c.summary}`, `用法：${c.usage}`, ...c.examples.slice(0, 2).map((e) => `例：${e}`)];
      if (c.rules?.length) lines.push(`依据：${c.rules.join(', ')}`);
      if (c.aliases?.length) lines.push(`也可以：${c.aliases.join('、')}`);
      await ctx.reply(lines.join('\n'));
      return;
    }
    const sections: string[] = [];
    for (const g of GROUPS) {
      const rows = permitted.filter((c) => c.group === g);
      if (rows.length) sections.push(`【${g}】\n${rows.map((c) => `${c.name} — ${c.summary}`).join('\n')}`);
    }
    await ctx.reply(`你可以使用的命令：\n${sections.join('\n')}\n发送“帮助 <命令>”查看用法和例子。`);
  },
});

export const more = defineCommand({
  name: '更多',
  group: '常用',
  summary: '显示上一个列表的下一页',
  roles: 'all',
  usage: '更多',
  examples: ['更多'],
  args: () => z.object({}),
  handle: (ctx) => replyMore(ctx),
});
