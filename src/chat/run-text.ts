import { bindArgs } from '../kernel/command';
import { commandCounter } from '../metrics';
import type { Ctx } from '../kernel/ctx';
import { matchCommand, nearestNames } from '../kernel/match';
import { parseArgs, tokenize } from '../kernel/parser';
import { normalise } from '../kernel/normalise';
import { mayRun, rolesLabel } from '../kernel/permissions';
import { UserError } from '../kernel/errors';

/**
 * Run one chat line as a command (docs/commands.md): match the row, check the roles, bind and validate the
 * arguments, call the handler. Replies for people; nothing here throws for bad input.
 */
export async function runText(ctx: Ctx, text: string): Promise<string> {
  const words = tokenize(normalise(text));
  if (words.length === 0) {
    await ctx.reply('请发送命令，例如“帮助”。');
    return 'empty';
  }
  const commands = ctx.deps.tables.commands;
  const match = matchCommand(words, commands);
  if (!match) {
    const permitted = commands.filter((c) => mayRun(ctx.actor, c));
    const typed = words.slice(0, 2).join(' ');
    const near = nearestNames(typed, permitted);
    const hint = near.length ? `你是不是要：${near.join(' / ')}？` : '';
    await ctx.reply(
      `没有“${words[0]}${words[1] && !words[1].includes('=') ? words[1] : ''}”这个命令。${hint}发送“帮助”查看全部。`,
    );
    commandCounter.inc({ command: 'unknown', outcome: 'unknown' });
    return 'unknown';
  }
  const { cmd, rest } = match;
  if (!mayRun(ctx.actor, cmd)) {
    await ctx.reply(`你没有权限使用“${cmd.name}”（需要：${rolesLabel(cmd.roles)}）。`);
    commandCounter.inc({ command: cmd.name, outcome: 'forbidden' });
    return cmd.name;
  }
  const { positional, named } = parseArgs(rest);
  const bound = bindArgs(cmd, positional, named, ctx.now);
  if (!bound.ok) {
    await ctx.reply(bound.message);
    commandCounter.inc({ command: cmd.name, outcome: 'bad_args' });
    return cmd.name;
  }
  await cmd.handle(ctx, bound.value);
  commandCounter.inc({ command: cmd.name, outcome: 'ok' });
  return cmd.name;
}

/** Run a command row with named arguments (H5 form submission): same permission and argument checks as chat. */
export async function runNamed(ctx: Ctx, commandName: string, named: Record<string, string>): Promise<void> {
  const cmd = ctx.deps.tables.commands.find((c) => c.name === commandName);
  if (!cmd) throw new Error(`form submits to unknown command ${commandName}`);
  if (!mayRun(ctx.actor, cmd)) throw new UserError(`你没有权限使用“${cmd.name}”（需要：${rolesLabel(cmd.roles)}）。`);
  const bound = bindArgs(cmd, [], named, ctx.now);
  if (!bound.ok) throw new UserError(bound.message, bound.field);
  await cmd.handle(ctx, bound.value);
  commandCounter.inc({ command: cmd.name, outcome: 'ok' });
}
