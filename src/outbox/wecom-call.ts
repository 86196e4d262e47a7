import { readFile } from 'node:fs/promises';
import { robotImageContent } from '../wecom/client';
import type { WecomPort } from '../wecom/port';
import type { OutboxRow } from '../../entities/outbox';
import type { GroupRoute } from './group-target';
import type { TemplateCard } from './message';

/** The one WeCom request that delivers a row (after any upload and chat creation). */
export function sendRow(
  wecom: WecomPort,
  agentId: number,
  row: OutboxRow,
  route: GroupRoute | undefined,
  content: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  const b = row.body;
  if (row.msgType === 'update_card') {
    const u = b.updateCard as { responseCode: string; userids: string[]; replaceName?: string; card?: TemplateCard };
    return wecom.updateTemplateCard({
      userids: u.userids,
      agentid: agentId,
      response_code: u.responseCode,
      ...(u.card ? { template_card: u.card } : { button: { replace_name: u.replaceName ?? '已处理' } }),
    });
  }
  if (!route || route.kind === 'dm') {
    const touser = route ? route.userids.join('|') : row.target;
    if (!touser) return Promise.resolve({ skipped: 'no members' });
    // D8: WeCom drops an identical request within the interval, so a resend of this row after a crash between
    // WeCom's 200 and our `sent` mark is not delivered twice. The interval is derived from the row id: the same
    // row always sends the same JSON, while two rows with the same text (a person asking 待办 twice) differ
    // and are both delivered — unless their ids are a multiple of 3000 apart and both are sent within the hour
    // (3000 messages an hour between them; the open-loop bench found 900 too few: 1200 of 3000 replies lost).
    // Lease (60 s) < interval (600–3599 s ≤ WeCom's 4 h maximum).
    const duplicateCheckInterval = 600 + (row.id % 3000);
    return wecom.sendMessage({
      touser,
      agentid: agentId,
      ...content,
      enable_duplicate_check: 1,
      duplicate_check_interval: duplicateCheckInterval,
    });
  }
  if (route.kind === 'chat') return wecom.sendAppChat({ chatid: route.chatid, ...content, safe: 0 });
  if (route.kind === 'robot') return wecom.robotSend(route.webhook, content);
  return Promise.resolve({});
}

/**
 * The msgtype + body for the channel; cards cannot go to app chats or robots (WeCom doc 90245) → markdown. A file is
 * or an app image is uploaded through `upload` (which stores the media_id on the row) unless the row already holds one.
 */
export async function rowContent(
  row: OutboxRow,
  route: GroupRoute | undefined,
  upload: () => Promise<string>,
): Promise<Record<string, unknown>> {
  const b = row.body;
  const group = route && route.kind !== 'dm';
  switch (row.msgType) {
    case 'text':
      return { msgtype: 'text', text: { content: b.text } };
    case 'markdown':
      return { msgtype: 'markdown', markdown: { content: b.markdown } };
    case 'template_card':
      if (group) return { msgtype: 'markdown', markdown: { content: cardAsMarkdown(b.card as TemplateCard) } };
      return { msgtype: 'template_card', template_card: b.card };
    case 'update_card':
      return {};
    case 'file':
      return { msgtype: 'file', file: { media_id: row.mediaId ?? (await upload()) } };
    case 'image':
      // D190: robots take the picture inline (base64 + md5, ≤ 2 MB, refused before sending); apps a media_id.
      if (route?.kind === 'robot') return robotImageContent(await readFile((b.image as { path: string }).path));
      return { msgtype: 'image', image: { media_id: row.mediaId ?? (await upload()) } };
    default:
      throw Object.assign(new Error(`unknown msgType ${row.msgType}`), { permanent: true });
  }
}

function cardAsMarkdown(card: TemplateCard): string {
  const title = (card.main_title as { title?: string } | undefined)?.title ?? '';
  const fields = ((card.horizontal_content_list as { keyname: string; value: string }[] | undefined) ?? [])
    .map((f) => `> ${f.keyname}：${f.value}`)
    .join('\n');
  return [`**${title}**`, (card.sub_title_text as string | undefined) ?? '', fields].filter(Boolean).join('\n');
}
