import { ChatState } from '../../entities/chat-state';
import type { Ctx } from './ctx';

// docs/commands.md: fit a phone screen; lists show 10 rows then 发送“更多”.
export const PAGE_SIZE = 10;
const MORE_TTL_MS = 30 * 60_000;

/** Reply with a header and the first page of `lines`; the rest waits for `更多`. */
export async function replyList(ctx: Ctx, header: string, lines: string[], empty = '（无）'): Promise<void> {
  if (lines.length === 0) {
    await ctx.reply(`${header}\n${empty}`);
    return;
  }
  const page = lines.slice(0, PAGE_SIZE);
  const rest = lines.slice(PAGE_SIZE);
  await ctx.m.delete(ChatState, { userid: ctx.actor.userid, kind: 'more' });
  if (rest.length > 0) {
    await ctx.m.save(ChatState, {
      userid: ctx.actor.userid,
      kind: 'more',
      data: { header, lines: rest },
      expiresAt: new Date(ctx.now.getTime() + MORE_TTL_MS),
    });
  }
  const tail = rest.length > 0 ? `\n……还有 ${rest.length} 条，发送“更多”查看` : '';
  await ctx.reply(`${header}\n${page.join('\n')}${tail}`);
}

/** The next page of the last list, for `更多`. */
export async function replyMore(ctx: Ctx): Promise<void> {
  const state = await ctx.m.findOne(ChatState, { where: { userid: ctx.actor.userid, kind: 'more' } });
  if (!state || state.expiresAt < ctx.now) {
    await ctx.reply('没有更多内容了。');
    return;
  }
  const { header, lines } = state.data as { header: string; lines: string[] };
  await replyList(ctx, `${header}（续）`, lines);
}
