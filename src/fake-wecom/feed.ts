// What the fake WeCom "delivered", as people and chats would see it (sandbox page D27, test assertions).
// Real WeCom silently drops messages past its limits (limits.ts); the fake delivers nothing less and nothing
// more, but marks those messages `dropped` so a test can prove the bot's own limiter kept it from happening.

export type Channel = 'dm' | 'chat' | 'robot';

export interface CardState {
  /** Set by update_template_card `button.replace_name`: buttons greyed with this text. */
  replaceName?: string;
  /** Set by update_template_card `template_card`: the whole card replaced. */
  card?: Record<string, unknown>;
  /** Whose view changed: the listed userids, or '@all' (atall=1). */
  for: string[] | '@all';
  at: string;
}

export interface FeedItem {
  /** Stable id of the delivered message. */
  id: number;
  /** Bumped on every change (card update, recall): poll with feed(lastSeq) to see new and changed items. */
  seq: number;
  at: string;
  channel: Channel;
  /** dm: userids (lower-case); chat: chatid; robot: webhook key. */
  to: string[] | string;
  msgtype: string;
  text?: string;
  markdown?: string;
  card?: Record<string, unknown>;
  file?: { media_id: string; filename?: string };
  /** An image (a chart, D190): by media_id from app messages, inline base64 from robots; md5 and size either way. */
  image?: { media_id?: string; md5: string; bytes: number };
  /** The request body as sent, for message types without a field above (textcard, news, image…). */
  body: Record<string, unknown>;
  msgid?: string;
  taskId?: string;
  responseCode?: string;
  cardState?: CardState;
  recalled?: boolean;
  /** Recipients for whom real WeCom would have silently dropped this message. */
  droppedFor: string[];
  dropped: boolean;
}

import { FakeLimits } from './limits';

export class Feed {
  private items: FeedItem[] = [];
  private nextId = 1;
  private seq = 0;
  /** Rate windows and every drop/refusal so far (`limits.violations`). */
  readonly limits: FakeLimits;

  constructor(private readonly now: () => number) {
    this.limits = new FakeLimits(now);
  }

  add(item: Omit<FeedItem, 'id' | 'seq' | 'at' | 'dropped' | 'droppedFor'>, members: string[] = []): FeedItem {
    const now = this.now();
    const droppedFor =
      item.channel === 'dm'
        ? this.limits.app(item.to as string[], 'dm')
        : item.channel === 'chat'
          ? this.limits.appChat(item.to as string, members)
          : [];
    const full: FeedItem = {
      ...item,
      id: this.nextId++,
      seq: ++this.seq,
      at: new Date(now).toISOString(),
      droppedFor,
      dropped: droppedFor.length > 0,
    };
    this.items.push(full);
    return full;
  }

  /** Robots answer 45009 past 20/min (limits.ts). */
  robotAllowed(key: string): boolean {
    return this.limits.robotAllowed(key);
  }

  touch(item: FeedItem, change: Partial<FeedItem>): void {
    Object.assign(item, change, { seq: ++this.seq });
  }

  byId(id: number): FeedItem | undefined {
    return this.items.find((i) => i.id === id);
  }

  find(pred: (i: FeedItem) => boolean): FeedItem | undefined {
    return this.items.find(pred);
  }

  /** The newest item matching `pred`, without copying the log (a month of messages). */
  findLast(pred: (i: FeedItem) => boolean): FeedItem | undefined {
    return this.items.findLast(pred);
  }

  /** The seq of the newest creation or change (0 before any). */
  get lastSeq(): number {
    return this.seq;
  }

  /** Items created or changed after `afterSeq` (all when omitted), oldest change first. */
  since(afterSeq = 0): FeedItem[] {
    return this.items.filter((i) => i.seq > afterSeq).sort((a, b) => a.seq - b.seq);
  }

  all(): FeedItem[] {
    return [...this.items];
  }

  reset(): void {
    this.items = [];
    this.nextId = 1;
    this.seq = 0;
    this.limits.clear();
  }
}
