import { createHash } from 'node:crypto';
import type { FakeWecomState } from './state';

// Body checks shared by message/send, appchat/send and webhook/send, with the errcodes of WeCom doc 90236–§3.8.
// Where the doc gives no code the fake answers 40058 (invalid parameter) with an errmsg naming the field.

export type Problem = { errcode: number; errmsg: string };
export type Channel = 'app' | 'appchat' | 'robot';

const bytes = (s: string) => Buffer.byteLength(s);
const obj = (v: unknown): Record<string, unknown> | undefined =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
const bad = (errmsg: string): Problem => ({ errcode: 40058, errmsg });

export const INTERACTIVE_CARDS = new Set(['button_interaction', 'vote_interaction', 'multiple_interaction']);
const CARD_TYPES = new Set(['text_notice', 'news_notice', ...INTERACTIVE_CARDS]);
export const TASK_ID = /^[0-9A-Za-z_\-@]{1,128}$/;
export const APPCHAT_TYPES = new Set([
  'text',
  'image',
  'voice',
  'video',
  'file',
  'textcard',
  'news',
  'mpnews',
  'markdown',
]);

function textLike(body: Record<string, unknown>, field: string, max: number, overErr: Problem): Problem | undefined {
  const content = obj(body[field])?.content;
  if (typeof content !== 'string' || content === '') return { errcode: 44004, errmsg: `${field}.content is empty` };
  return bytes(content) > max ? overErr : undefined;
}

function media(body: Record<string, unknown>, field: string, s: FakeWecomState): Problem | undefined {
  const id = obj(body[field])?.media_id;
  return typeof id === 'string' && s.media.has(id)
    ? undefined
    : { errcode: 40007, errmsg: `invalid media_id in ${field}` };
}

/** The template_card rules the bot must respect (§3.3); task_id uniqueness is checked by the caller. */
export function checkCard(card: Record<string, unknown> | undefined, channel: Channel): Problem | undefined {
  if (!card) return bad('template_card is missing');
  const type = String(card.card_type ?? '');
  if (!CARD_TYPES.has(type)) return bad(`invalid card_type ${type}`);
  if (channel === 'robot' && INTERACTIVE_CARDS.has(type))
    return bad(`robots only send text_notice/news_notice cards, not ${type}`);
  const taskId = card.task_id;
  if (taskId !== undefined && (typeof taskId !== 'string' || !TASK_ID.test(taskId)))
    return { errcode: 42014, errmsg: 'taskid has existed or empty or exceed max len' };
  if (INTERACTIVE_CARDS.has(type) && taskId === undefined)
    return { errcode: 42014, errmsg: 'taskid has existed or empty or exceed max len' };
  const fields = card.horizontal_content_list;
  if (fields !== undefined && (!Array.isArray(fields) || fields.length > 6))
    return bad('horizontal_content_list holds at most 6 items');
  const jumps = card.jump_list;
  if (jumps !== undefined && (!Array.isArray(jumps) || jumps.length > 3)) return bad('jump_list holds at most 3 items');
  if (type === 'text_notice' || type === 'news_notice') {
    const action = obj(card.card_action);
    if (
      !action ||
      (action.type === 1 && typeof action.url !== 'string') ||
      (action.type === 2 && typeof action.appid !== 'string') ||
      ![1, 2].includes(Number(action.type))
    ) {
      return bad('card_action is required for notice cards');
    }
  }
  if (!obj(card.main_title)?.title && !card.sub_title_text && type === 'text_notice')
    return bad('main_title.title or sub_title_text is required');
  if (type === 'button_interaction') {
    const buttons = card.button_list;
    if (!Array.isArray(buttons) || buttons.length < 1 || buttons.length > 6)
      return bad('button_list needs 1–6 buttons');
    const keys = new Set<string>();
    for (const raw of buttons) {
      const b = obj(raw);
      if (!b || typeof b.text !== 'string' || !b.text) return bad('button text is required');
      if (Number(b.type ?? 0) === 1) {
        if (typeof b.url !== 'string') return bad('a url button needs url');
        continue;
      }
      if (typeof b.key !== 'string' || !b.key || bytes(b.key) > 1024 || keys.has(b.key))
        return bad('button key must be unique and 1–1024 bytes');
      keys.add(b.key);
    }
  }
  return undefined;
}

/** Validate the msgtype-specific part of a message body for a channel. */
export function checkContent(body: Record<string, unknown>, channel: Channel, s: FakeWecomState): Problem | undefined {
  const msgtype = String(body.msgtype ?? '');
  if (channel === 'appchat' && !APPCHAT_TYPES.has(msgtype))
    return { errcode: 86220, errmsg: `msgtype ${msgtype} is not allowed in app chats` };
  switch (msgtype) {
    case 'text':
      return textLike(body, 'text', 2048, { errcode: 45002, errmsg: 'content size out of limit' });
    case 'markdown':
      return channel === 'robot'
        ? textLike(body, 'markdown', 4096, bad('markdown.content exceed max length 4096'))
        : textLike(body, 'markdown', 2048, { errcode: 45002, errmsg: 'content size out of limit' });
    case 'markdown_v2':
      return channel === 'robot'
        ? textLike(body, 'markdown_v2', 4096, bad('markdown_v2.content exceed max length 4096'))
        : { errcode: 40008, errmsg: 'invalid message type' };
    case 'template_card':
      return checkCard(obj(body.template_card), channel);
    case 'textcard': {
      const c = obj(body.textcard);
      return c && typeof c.title === 'string' && typeof c.description === 'string' && typeof c.url === 'string'
        ? undefined
        : bad('textcard needs title, description, url');
    }
    case 'news': {
      const articles = obj(body.news)?.articles;
      return Array.isArray(articles) && articles.length >= 1 && articles.length <= 8
        ? undefined
        : bad('news needs 1–8 articles');
    }
    case 'mpnews':
      return obj(body.mpnews) ? undefined : bad('mpnews is missing');
    case 'image':
      if (channel === 'robot') {
        const img = obj(body.image);
        const data = typeof img?.base64 === 'string' ? Buffer.from(img.base64, 'base64') : Buffer.alloc(0);
        const md5 = createHash('md5').update(data).digest('hex');
        return data.length > 0 && data.length <= 2 * 1024 * 1024 && img?.md5 === md5
          ? undefined
          : bad('image needs base64 ≤2 MB and its md5');
      }
      return media(body, 'image', s);
    case 'file':
    case 'voice':
    case 'video':
      return media(body, msgtype, s);
    default:
      return { errcode: 40008, errmsg: `invalid message type ${msgtype}` };
  }
}

/** The fields a feed item shows for a message body. */
export function feedContent(body: Record<string, unknown>, s: FakeWecomState) {
  const msgtype = String(body.msgtype);
  const content = (field: string) => obj(body[field])?.content as string | undefined;
  const card = obj(body.template_card);
  const fileId = obj(body.file)?.media_id as string | undefined;
  const image = msgtype === 'image' ? imageOf(obj(body.image), s) : undefined;
  const typed = msgtype === 'text' || msgtype.startsWith('markdown') || card || fileId || image;
  return {
    msgtype,
    body: s.lean && typed ? {} : body,
    ...(msgtype === 'text' ? { text: content('text') } : {}),
    ...(msgtype === 'markdown' || msgtype === 'markdown_v2' ? { markdown: content(msgtype) } : {}),
    ...(card ? { card, ...(typeof card.task_id === 'string' ? { taskId: card.task_id } : {}) } : {}),
    ...(fileId ? { file: { media_id: fileId, filename: s.media.get(fileId)?.filename } } : {}),
    ...(image ? { image } : {}),
  };
}

/** The picture's bytes: a robot's inline base64, or the uploaded media an app message names. */
export function imageBytes(img: Record<string, unknown> | undefined, s: FakeWecomState): Buffer | undefined {
  if (typeof img?.base64 === 'string') return Buffer.from(img.base64, 'base64');
  return typeof img?.media_id === 'string' ? s.media.get(img.media_id)?.buffer : undefined;
}

function imageOf(img: Record<string, unknown> | undefined, s: FakeWecomState) {
  const data = imageBytes(img, s) ?? Buffer.alloc(0);
  return {
    ...(typeof img?.media_id === 'string' ? { media_id: img.media_id } : {}),
    md5: createHash('md5').update(data).digest('hex'),
    bytes: data.length,
  };
}
