import { createHash } from 'node:crypto';
import type { TemplateCard } from '../outbox/message';

// Template card builders (WeCom doc 90236). Length limits below are the official "建议不超过" figures of the
// template_card page (unverified as hard limits): we truncate display text with "…" rather than let WeCom
// cut it or reject it. Structural limits (≤6 buttons, ≤6 fields, unique keys, task_id form) are hard: a
// violation is a programming error and throws.

const SOURCE_DESC = '政务大厅';

export const CARD_LIMITS = {
  title: 26,
  titleDesc: 30,
  subTitle: 112,
  keyname: 8, // advised ≤5; WeCom still renders a little more, and labels like 联络电话号码 should survive
  value: 26,
  buttonText: 10,
  emphasisTitle: 10,
  emphasisDesc: 15,
  jumpTitle: 13,
  maxButtons: 6,
  maxFields: 6,
  maxJumps: 3,
  keyBytes: 1024,
  urlBytes: 2048,
} as const;

/** Cut to `max` characters (code points, so a Chinese character or emoji is never split), ending in "…". */
export function clip(s: string, max: number): string {
  const chars = Array.from(s);
  return chars.length <= max ? s : `${chars.slice(0, max - 1).join('')}…`;
}

export interface CardField {
  key: string;
  value: string;
}
export interface CardButton {
  text: string;
  key: string;
  /** 1–4 (1 default; colours unverified). */
  style?: 1 | 2 | 3 | 4;
}

function fieldList(fields: CardField[]) {
  if (fields.length > CARD_LIMITS.maxFields)
    throw new RangeError(`a template card holds at most ${CARD_LIMITS.maxFields} fields, got ${fields.length}`);
  return fields.map((f) => ({ keyname: clip(f.key, CARD_LIMITS.keyname), value: clip(f.value, CARD_LIMITS.value) }));
}

function checkUrl(url: string): string {
  if (!/^https?:\/\//.test(url) || Buffer.byteLength(url) > CARD_LIMITS.urlBytes)
    throw new RangeError(`card url must be http(s) and ≤${CARD_LIMITS.urlBytes} bytes`);
  return url;
}

function mainTitle(title: string, desc?: string) {
  return { title: clip(title, CARD_LIMITS.title), ...(desc ? { desc: clip(desc, CARD_LIMITS.titleDesc) } : {}) };
}

export interface ButtonCardInput {
  taskId: string;
  title: string;
  desc?: string;
  subTitle?: string;
  fields?: CardField[];
  buttons: CardButton[];
  /** Opens when the card body is tapped (card_action type 1). */
  url?: string;
}

/** button_interaction card: a click arrives as template_card_event with EventKey = button key (§2, D2). */
export function buttonCard(input: ButtonCardInput): TemplateCard {
  checkTaskId(input.taskId);
  const { buttons } = input;
  if (buttons.length < 1 || buttons.length > CARD_LIMITS.maxButtons)
    throw new RangeError(`a button card needs 1–${CARD_LIMITS.maxButtons} buttons, got ${buttons.length}`);
  const keys = new Set<string>();
  for (const b of buttons) {
    if (!b.key || Buffer.byteLength(b.key) > CARD_LIMITS.keyBytes)
      throw new RangeError(`button key must be 1–${CARD_LIMITS.keyBytes} bytes: ${b.key.slice(0, 40)}`);
    if (keys.has(b.key)) throw new RangeError(`duplicate button key ${b.key}`);
    keys.add(b.key);
  }
  return {
    card_type: 'button_interaction',
    source: { desc: SOURCE_DESC, desc_color: 0 },
    main_title: mainTitle(input.title, input.desc),
    ...(input.subTitle ? { sub_title_text: clip(input.subTitle, CARD_LIMITS.subTitle) } : {}),
    ...(input.fields?.length ? { horizontal_content_list: fieldList(input.fields) } : {}),
    ...(input.url ? { card_action: { type: 1, url: checkUrl(input.url) } } : {}),
    task_id: input.taskId,
    button_list: buttons.map((b) => ({
      type: 0,
      text: clip(b.text, CARD_LIMITS.buttonText),
      style: b.style ?? 1,
      key: b.key,
    })),
  };
}

export interface NoticeCardInput {
  title?: string;
  desc?: string;
  subTitle?: string;
  /** A big number with a unit, e.g. {title:'3', desc:'件逾期'}. */
  emphasis?: { title: string; desc?: string };
  fields?: CardField[];
  jumps?: { title: string; url: string }[];
  /** Mandatory for text_notice (§3.3). */
  url: string;
  /** Optional for text_notice; give one if the card may be updated or recalled later. */
  taskId?: string;
}

/** text_notice card: read-only, tapping opens `url`. */
export function noticeCard(input: NoticeCardInput): TemplateCard {
  if (!input.title && !input.subTitle) throw new RangeError('a notice card needs a title or a subTitle (§3.3)');
  if (input.taskId !== undefined) checkTaskId(input.taskId);
  const jumps = input.jumps ?? [];
  if (jumps.length > CARD_LIMITS.maxJumps) throw new RangeError(`a card holds at most ${CARD_LIMITS.maxJumps} jumps`);
  return {
    card_type: 'text_notice',
    source: { desc: SOURCE_DESC, desc_color: 0 },
    ...(input.title ? { main_title: mainTitle(input.title, input.desc) } : {}),
    ...(input.emphasis
      ? {
          emphasis_content: {
            title: clip(input.emphasis.title, CARD_LIMITS.emphasisTitle),
            ...(input.emphasis.desc ? { desc: clip(input.emphasis.desc, CARD_LIMITS.emphasisDesc) } : {}),
          },
        }
      : {}),
    ...(input.subTitle ? { sub_title_text: clip(input.subTitle, CARD_LIMITS.subTitle) } : {}),
    ...(input.fields?.length ? { horizontal_content_list: fieldList(input.fields) } : {}),
    ...(jumps.length
      ? {
          jump_list: jumps.map((j) => ({ type: 1, title: clip(j.title, CARD_LIMITS.jumpTitle), url: checkUrl(j.url) })),
        }
      : {}),
    card_action: { type: 1, url: checkUrl(input.url) },
    ...(input.taskId !== undefined ? { task_id: input.taskId } : {}),
  };
}

// task_id: unique per app forever, [0-9A-Za-z_\-@], ≤128 bytes; anything else is 42014 (§3.3).
const TASK_ID = /^[0-9A-Za-z_\-@]{1,128}$/;
const PLAIN_SEED = /^[0-9A-Za-z_-]{1,100}$/;

export function checkTaskId(taskId: string): void {
  if (!TASK_ID.test(taskId))
    throw new RangeError(`task_id must match [0-9A-Za-z_-@]{1,128}: ${JSON.stringify(taskId.slice(0, 40))}`);
}

/**
 * A task_id from a unique seed (e.g. approval number, step, attempt). A seed already in the allowed
 * alphabet (without `@`) is used as is, joined by `-`; any other seed (Chinese, spaces, too long) becomes
 * its sanitised prefix + `@` + a hash of the whole seed. Plain ids never contain `@` and hashed ids always
 * do, so distinct seeds give distinct ids.
 */
export function taskIdFor(...seed: (string | number)[]): string {
  const joined = seed.map(String).join('-');
  if (PLAIN_SEED.test(joined)) return joined;
  const prefix = joined.replace(/[^0-9A-Za-z_-]+/g, '_').slice(0, 80);
  const hash = createHash('sha256')
    .update(joined)
    .digest('base64url')
    .replace(/[^0-9A-Za-z]/g, '')
    .slice(0, 24);
  return `${prefix}@${hash}`;
}
