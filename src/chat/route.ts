import type { EntityManager } from 'typeorm';
import type { InboxRow } from '../../entities/inbox';
import type { Deps } from '../kernel/deps';
import { enqueue } from '../outbox/enqueue';
import { usersWithRole } from '../kernel/directory';
import { receiveMedia } from '../kernel/attachments';
import { guardLabel, mayPress } from '../kernel/card';
import { UserError } from '../kernel/errors';
import type { FetchedMedia } from '../kernel/media';
import { storedInbound } from '../wecom/inbound';
import { loadActor } from '../kernel/directory';
import { makeCtx } from '../kernel/make-ctx';
import { runText } from './run-text';

const UNSUPPORTED = '暂不支持该消息类型，发送“帮助”查看命令。';

/**
 * Turn one stored event into domain calls (architecture "The one picture"): text → commands, card click →
 * its action, media → attachment. Returns 'ignored' for events that need nothing (D5).
 */
export async function routeEvent(
  deps: Deps,
  m: EntityManager,
  now: Date,
  row: InboxRow,
  keyBase: string,
  media: FetchedMedia | undefined,
): Promise<'done' | 'ignored'> {
  if (row.kind === 'unknown' || (row.kind.startsWith('event:') && !HANDLED_EVENTS.has(row.kind))) return 'ignored';
  // The payload is what the callback stored from parseInbound: read it back as the typed union (D5: a row that
  // no longer fits the schema is ignored, never guessed at).
  const inbound = storedInbound(row.payload);
  if (!inbound) return 'ignored';

  const actor = await loadActor(m, row.userid);
  if (!actor) {
    // an unknown sender gets a polite 未登记 reply naming who to ask.
    if (row.kind === 'event:enter_agent') return 'ignored';
    const office = await usersWithRole(m, 'hall_office');
    const who = office.length
      ? `大厅管理室（${office
          .slice(0, 2)
          .map((o) => o.name)
          .join('、')}）`
      : '大厅管理室';
    await enqueue(
      m,
      now,
      `${keyBase}:unregistered`,
      { user: row.userid },
      {
        text: `您好！您的账号（${row.userid}）尚未在政务大厅服务机器人中登记，暂时无法使用。请联系${who}将您加入人员名录。`,
      },
    );
    return 'done';
  }
  const ctx = makeCtx(deps, m, now, actor, keyBase);

  try {
    const { tables } = deps;
    switch (inbound.kind) {
      case 'text': {
        const text = inbound.content;
        for (const intercept of tables.textInterceptors) if (await intercept(ctx, text)) return 'done';
        await runText(ctx, text);
        return 'done';
      }
      case 'image':
      case 'file':
        await receiveMedia(ctx, media);
        return 'done';
      case 'voice':
      case 'video':
      case 'location':
      case 'link':
        await ctx.reply(UNSUPPORTED);
        return 'done';
      case 'event:template_card_event': {
        const [verb, ...rest] = inbound.eventKey.split(':');
        const action = tables.cardActions.find((a) => a.verb === verb);
        if (!action || rest.length === 0) {
          await ctx.reply('该按钮已失效，请发送“待办”查看需要处理的事项。');
          return 'done';
        }
        const id = rest.join(':');
        // Design rule 8: one check for every button, from the verb's declaration, before its handler runs.
        if (!(await mayPress(ctx, action.who, id))) {
          await ctx.reply(`你无权处理该按钮（需要：${guardLabel(action.who)}）。`);
          return 'done';
        }
        await action.handle(ctx, id, inbound);
        return 'done';
      }
      case 'event:click': {
        // Menu buttons carry a command: EventKey `cmd:待办` runs as if typed.
        const key = inbound.eventKey;
        if (!key.startsWith('cmd:')) return 'ignored';
        await runText(ctx, key.slice(4));
        return 'done';
      }
      case 'event:subscribe':
        await ctx.reply(`${actor.name}，您好！我是政务大厅服务机器人。发送“帮助”查看您可以使用的命令。`);
        return 'done';
      default:
        return 'ignored';
    }
  } catch (err) {
    // A refusal rolls the event back; what must outlive it (a form link's draft, D63) goes with the reply.
    if (err instanceof UserError) err.keep.push(...ctx.keep);
    throw err;
  }
}

const HANDLED_EVENTS = new Set(['event:template_card_event', 'event:click', 'event:subscribe']);
