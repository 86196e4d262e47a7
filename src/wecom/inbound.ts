import { createHash } from 'node:crypto';
import { z } from 'zod';
import { CallbackError } from './crypto';
import { cdata, parseWecomXml, type XmlNode } from './xml';

// Decrypted callback XML → a typed message (WeCom doc 90239/90240). Every value stays a string: MsgId exceeds 2^53
// and CreateTime is only ever compared and stored (§1.7). Unknown MsgTypes and Events are kept, not
// rejected: D5 stores and acknowledges everything that is signed; the dispatcher decides what to ignore.

const str = z.string();
const opt = z.string().default('');

const common = {
  from: str.min(1),
  to: str.min(1),
  createTime: str.regex(/^\d{1,12}$/),
  agentId: opt,
};
const msg = { ...common, msgId: str.regex(/^\d{1,20}$/) };
const evt = { ...common, event: str.min(1), eventKey: opt };

const selectedItem = z.object({ questionKey: str, optionIds: z.array(str) });

const schema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('text'), ...msg, content: str }),
  z.object({ kind: z.literal('image'), ...msg, mediaId: str.min(1), picUrl: opt }),
  z.object({ kind: z.literal('voice'), ...msg, mediaId: str.min(1), format: opt }),
  z.object({ kind: z.literal('video'), ...msg, mediaId: str.min(1), thumbMediaId: opt }),
  // `file` is not in doc 90239's list for self-built apps; field names follow the 客服/会话存档 samples (unverified).
  z.object({ kind: z.literal('file'), ...msg, mediaId: str.min(1), title: opt, fileExt: opt, fileSize: opt }),
  z.object({ kind: z.literal('location'), ...msg, latitude: opt, longitude: opt, scale: opt, label: opt }),
  z.object({ kind: z.literal('link'), ...msg, title: opt, description: opt, url: opt, picUrl: opt }),
  z.object({ kind: z.literal('event:enter_agent'), ...evt }),
  z.object({ kind: z.literal('event:subscribe'), ...evt }),
  z.object({ kind: z.literal('event:unsubscribe'), ...evt }),
  z.object({ kind: z.literal('event:click'), ...evt }),
  z.object({ kind: z.literal('event:view'), ...evt }),
  z.object({
    kind: z.literal('event:template_card_event'),
    ...evt,
    eventKey: str.min(1),
    taskId: str.min(1),
    cardType: opt,
    responseCode: opt,
    selectedItems: z.array(selectedItem),
  }),
  z.object({
    kind: z.literal('event:template_card_menu_event'),
    ...evt,
    taskId: opt,
    cardType: opt,
    responseCode: opt,
  }),
  z.object({ kind: z.literal('event:other'), ...evt }),
  z.object({ kind: z.literal('unknown'), ...common, msgType: str.min(1), msgId: opt }),
]);

export type Inbound = z.infer<typeof schema>;
export type InboundKind = Inbound['kind'];
export type SelectedItem = z.infer<typeof selectedItem>;
/** A card button click (template_card_event) as the dispatcher hands it to a card action. */
export type CardEvent = Extract<Inbound, { kind: 'event:template_card_event' }>;

/**
 * An inbox row's payload back as the typed union it was stored as (the callback stores `parseInbound`'s
 * result). Rows written before a schema change, or by hand, that no longer fit come back as undefined.
 */
export function storedInbound(payload: unknown): Inbound | undefined {
  const result = schema.safeParse(payload);
  return result.success ? result.data : undefined;
}

const KNOWN_EVENTS = new Set([
  'enter_agent',
  'subscribe',
  'unsubscribe',
  'click',
  'view',
  'template_card_event',
  'template_card_menu_event',
]);
const MESSAGE_TYPES = new Set(['text', 'image', 'voice', 'video', 'file', 'location', 'link']);

const asList = (n: XmlNode | undefined): XmlNode[] => (n === undefined || n === '' ? [] : Array.isArray(n) ? n : [n]);

/** `SelectedItems` of a template_card_event; both `OptionIds/OptionId` and the sample's typo `OpitonIds/OpitonId` (§2). */
function selectedItems(node: XmlNode | undefined): unknown[] {
  if (node === undefined || node === '') return [];
  if (typeof node !== 'object' || Array.isArray(node)) return [node];
  return asList(node.SelectedItem).map((item) => {
    if (typeof item !== 'object' || Array.isArray(item)) return item;
    const ids = item.OptionIds ?? item.OpitonIds;
    const list =
      ids && typeof ids === 'object' && !Array.isArray(ids) ? asList(ids.OptionId ?? ids.OpitonId) : asList(ids);
    return { questionKey: item.QuestionKey ?? '', optionIds: list };
  });
}

function toCandidate(x: Record<string, XmlNode>): Record<string, unknown> {
  // Values go to zod as found: a repeated or nested element where text belongs fails validation (400).
  const v = (name: string): unknown => x[name];
  const text = (name: string): string => (typeof x[name] === 'string' ? x[name] : '');
  const base = { from: v('FromUserName'), to: v('ToUserName'), createTime: v('CreateTime'), agentId: v('AgentID') };
  const msgType = text('MsgType');
  if (msgType === 'event') {
    const event = text('Event');
    const kind = KNOWN_EVENTS.has(event) ? `event:${event}` : 'event:other';
    const card = { taskId: v('TaskId'), cardType: v('CardType'), responseCode: v('ResponseCode') };
    const extra =
      event === 'template_card_event'
        ? { ...card, selectedItems: selectedItems(x.SelectedItems) }
        : event === 'template_card_menu_event'
          ? card
          : {};
    return { kind, ...base, event, eventKey: v('EventKey'), ...extra };
  }
  if (!MESSAGE_TYPES.has(msgType)) return { kind: 'unknown', ...base, msgType, msgId: v('MsgId') };
  const fields: Record<string, Record<string, unknown>> = {
    text: { content: v('Content') },
    image: { mediaId: v('MediaId'), picUrl: v('PicUrl') },
    voice: { mediaId: v('MediaId'), format: v('Format') },
    video: { mediaId: v('MediaId'), thumbMediaId: v('ThumbMediaId') },
    file: { mediaId: v('MediaId'), title: v('Title') ?? v('FileName'), fileExt: v('FileExt'), fileSize: v('FileSize') },
    location: { latitude: v('Location_X'), longitude: v('Location_Y'), scale: v('Scale'), label: v('Label') },
    link: { title: v('Title'), description: v('Description'), url: v('Url'), picUrl: v('PicUrl') },
  };
  return { kind: msgType, ...base, msgId: v('MsgId'), ...fields[msgType] };
}

/** Parse decrypted callback XML; throws CallbackError 400 for bad XML or a shape we cannot key (D5). */
export function parseInbound(xml: string): Inbound {
  const parsed = parseWecomXml(xml);
  if (!parsed.ok) throw new CallbackError(400, 'bad_xml', parsed.reason);
  const result = schema.safeParse(toCandidate(parsed.root));
  if (!result.success) {
    const where = result.error.issues.map((i) => i.path.join('.') || '(root)').join(', ');
    throw new CallbackError(400, 'bad_shape', `callback payload has an unexpected shape at ${where}`);
  }
  return result.data;
}

/**
 * D5 for a signed message whose shape we do not understand (a field repeated or nested, a MsgId that is not a
 * number): kept as `unknown` with what can be read, so it is stored and acknowledged rather than answered 400
 * and lost after WeCom's retries. The dedupe key hashes the plaintext, which a retry repeats exactly.
 */
export function malformedInbound(xml: string): Inbound & { kind: 'unknown' } {
  const parsed = parseWecomXml(xml);
  const x = parsed.ok ? parsed.root : {};
  const text = (name: string): string => (typeof x[name] === 'string' ? x[name] : '');
  const hash = createHash('sha256').update(xml).digest('hex').slice(0, 40);
  return {
    kind: 'unknown',
    from: text('FromUserName').slice(0, 64),
    to: text('ToUserName'),
    createTime: /^\d{1,12}$/.test(text('CreateTime')) ? text('CreateTime') : '0',
    agentId: text('AgentID'),
    msgType: `malformed:${text('MsgType') || '?'}`.slice(0, 64),
    msgId: `raw-${hash}`,
  };
}

// inbox.dedupe_key is varchar(191): a longer key (a `view` URL as EventKey, a 1024-byte button key) keeps a
// readable prefix and ends in a hash of the whole key, so distinct keys stay distinct.
const MAX_KEY = 191;
function capKey(key: string): string {
  if (key.length <= MAX_KEY) return key;
  const hash = createHash('sha256').update(key).digest('hex').slice(0, 32);
  return `${key.slice(0, MAX_KEY - hash.length - 1)}#${hash}`;
}

/** Inbox dedupe key per D7 (WeCom doc 90238): a retried delivery yields the same key. */
export function dedupeKeyOf(m: Inbound): string {
  switch (m.kind) {
    case 'event:template_card_event':
      return capKey(`card:${m.from}:${m.createTime}:${m.eventKey}:${m.taskId}`);
    case 'event:enter_agent':
    case 'event:subscribe':
    case 'event:unsubscribe':
    case 'event:click':
    case 'event:view':
    case 'event:template_card_menu_event':
    case 'event:other':
      return capKey(`evt:${m.from}:${m.createTime}:${m.event}:${m.eventKey}`);
    case 'unknown':
      // Not covered by D7: a MsgId when there is one, else the event rule with the MsgType as the name.
      return capKey(m.msgId ? `msg:${m.msgId}` : `evt:${m.from}:${m.createTime}:${m.msgType}:`);
    default:
      return `msg:${m.msgId}`;
  }
}

/**
 * A short label for logs, metrics and inbox.kind (varchar 48): the variant's `kind`, except that an
 * unlisted event keeps its name (`event:LOCATION`, `event:change_contact`). Unknown MsgTypes stay
 * `unknown` (their name is in the payload's msgType) so a single check recognises them.
 */
export function kindOf(m: Inbound): string {
  return (m.kind === 'event:other' ? `event:${m.event}` : m.kind).slice(0, 48);
}

// ── Fixture builders: plaintext XML shaped like WeCom's own samples (§2), for tests and the sandbox (D27).

interface SpecCommon {
  corpId: string;
  from: string;
  /** Unix seconds; defaults to now. */
  createTime?: string | number;
  agentId?: string | number;
}
export type InboundSpec = SpecCommon &
  (
    | { type: 'text'; content: string; msgId?: string }
    | { type: 'image'; mediaId: string; picUrl?: string; msgId?: string }
    | { type: 'file'; mediaId: string; title?: string; msgId?: string }
    | { type: 'event'; event: string; eventKey?: string }
    | {
        type: 'card';
        eventKey: string;
        taskId: string;
        responseCode?: string;
        cardType?: string;
        selected?: SelectedItem[];
      }
  );

// 19-digit ids like real ones (above 2^53), unique within the process.
let msgSeq = Math.floor(Math.random() * 1e6);
export function newMsgId(nowMs = Date.now()): string {
  msgSeq = (msgSeq + 1) % 1e6;
  return (BigInt(nowMs) * 1_000_000n + BigInt(msgSeq)).toString();
}

const el = (name: string, value: string | number) => `<${name}>${cdata(value)}</${name}>`;

export function buildInboundXml(spec: InboundSpec): string {
  const createTime = String(spec.createTime ?? Math.floor(Date.now() / 1000));
  const head = `${el('ToUserName', spec.corpId)}${el('FromUserName', spec.from)}<CreateTime>${createTime}</CreateTime>`;
  const agent = `<AgentID>${spec.agentId ?? 1000002}</AgentID>`;
  let body: string;
  switch (spec.type) {
    case 'text':
      body = `${el('MsgType', 'text')}${el('Content', spec.content)}<MsgId>${spec.msgId ?? newMsgId()}</MsgId>`;
      break;
    case 'image':
      body = `${el('MsgType', 'image')}${el('PicUrl', spec.picUrl ?? '')}${el('MediaId', spec.mediaId)}<MsgId>${spec.msgId ?? newMsgId()}</MsgId>`;
      break;
    case 'file':
      body = `${el('MsgType', 'file')}${el('MediaId', spec.mediaId)}${el('Title', spec.title ?? '')}<MsgId>${spec.msgId ?? newMsgId()}</MsgId>`;
      break;
    case 'event':
      body = `${el('MsgType', 'event')}${el('Event', spec.event)}${el('EventKey', spec.eventKey ?? '')}`;
      break;
    case 'card': {
      const items = (spec.selected ?? [])
        .map(
          (s) =>
            `<SelectedItem>${el('QuestionKey', s.questionKey)}<OptionIds>${s.optionIds.map((o) => el('OptionId', o)).join('')}</OptionIds></SelectedItem>`,
        )
        .join('');
      body =
        `${el('MsgType', 'event')}${el('Event', 'template_card_event')}${el('EventKey', spec.eventKey)}${el('TaskId', spec.taskId)}` +
        `${el('CardType', spec.cardType ?? 'button_interaction')}${el('ResponseCode', spec.responseCode ?? '')}` +
        (items ? `<SelectedItems>${items}</SelectedItems>` : '');
      break;
    }
  }
  return `<xml>${head}${body}${agent}</xml>`;
}
