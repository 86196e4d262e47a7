// What the fake WeCom "delivered", as people and chats would see it (sandbox page D27, test assertions).
// Real WeCom silently drops app messages past 30/min or 1000/h per recipient and group messages past
// 200/min per member (wecom.md §4); the fake delivers nothing less and nothing more, but marks those
// messages `dropped` so a test can prove the bot's own limiter kept it from happening.

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

const MINUTE = 60_000;
const HOUR = 3_600_000;

/** Sliding-window counts of delivered messages per recipient. */
class Windows {
  private readonly hits = new Map<string, number[]>();

  count(key: string, now: number, spanMs: number): number {
    return (this.hits.get(key) ?? []).filter((t) => t > now - spanMs).length;
  }

  add(key: string, now: number): void {
    const list = (this.hits.get(key) ?? []).filter((t) => t > now - HOUR);
    list.push(now);
    this.hits.set(key, list);
  }

  clear(): void {
    this.hits.clear();
  }
}

export class Feed {
  private items: FeedItem[] = [];
  private nextId = 1;
  private seq = 0;
  private readonly dm = new Windows();
  private readonly group = new Windows();
  private readonly robot = new Windows();

  constructor(private readonly now: () => number) {}

  add(item: Omit<FeedItem, 'id' | 'seq' | 'at' | 'dropped' | 'droppedFor'>, members: string[] = []): FeedItem {
    const now = this.now();
    const droppedFor: string[] = [];
    const recipients = item.channel === 'dm' ? (item.to as string[]) : item.channel === 'chat' ? members : [];
    for (const u of recipients) {
      const w = item.channel === 'dm' ? this.dm : this.group;
      const over =
        item.channel === 'dm'
          ? w.count(u, now, MINUTE) >= 30 || w.count(u, now, HOUR) >= 1000
          : w.count(u, now, MINUTE) >= 200;
      if (over) droppedFor.push(u);
      else w.add(u, now);
    }
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

  /** Robots answer 45009 past 20/min (wecom.md §3.7; the code is unverified). */
  robotAllowed(key: string): boolean {
    const now = this.now();
    if (this.robot.count(key, now, MINUTE) >= 20) return false;
    this.robot.add(key, now);
    return true;
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
    this.dm.clear();
    this.group.clear();
    this.robot.clear();
  }
}
