// WeCom's delivery limits as the fake enforces them (WeCom doc 90454, D9, D34): per member 30 app messages in any
// 60 s and 1000 in any hour (cards and card updates included), 200 group messages per member per minute, 20
// messages per app chat per minute — all silently dropped past the limit, i.e. accepted with errcode 0 and
// never shown — and robots answer 45009 past 20 per minute (§3.7). Every drop and refusal is recorded so a
// test can prove the bot's own limiter kept it from happening.

const MINUTE = 60_000;
const HOUR = 3_600_000;

/** Sliding-window counts of delivered messages per key. */
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

export interface LimitViolation {
  at: string;
  channel: 'dm' | 'chat' | 'robot' | 'update_card';
  /** The member, chat id or robot key over its limit. */
  to: string;
  /** `dropped` (accepted, not delivered) or `refused` (45009). */
  outcome: 'dropped' | 'refused';
}

export class FakeLimits {
  private readonly dm = new Windows();
  private readonly group = new Windows();
  private readonly chat = new Windows();
  private readonly robot = new Windows();
  readonly violations: LimitViolation[] = [];

  constructor(private readonly now: () => number) {}

  /** App messages and card updates: the members for whom this one is dropped; the others are counted. */
  app(users: string[], channel: 'dm' | 'update_card'): string[] {
    const now = this.now();
    const dropped = users.filter((u) => this.dm.count(u, now, MINUTE) >= 30 || this.dm.count(u, now, HOUR) >= 1000);
    for (const u of users) if (!dropped.includes(u)) this.dm.add(u, now);
    for (const u of dropped) this.record(channel, u, 'dropped');
    return dropped;
  }

  /** An app chat message: dropped whole past 20 per chat per minute, else per member past 200 per minute. */
  appChat(chatid: string, members: string[]): string[] {
    const now = this.now();
    if (this.chat.count(chatid, now, MINUTE) >= 20) {
      this.record('chat', chatid, 'dropped');
      return members.length ? members : [chatid];
    }
    this.chat.add(chatid, now);
    const dropped = members.filter((u) => this.group.count(u, now, MINUTE) >= 200);
    for (const u of members) if (!dropped.includes(u)) this.group.add(u, now);
    for (const u of dropped) this.record('chat', u, 'dropped');
    return dropped;
  }

  /** Robots answer 45009 past 20 per minute (WeCom doc 99110; the code is unverified). */
  robotAllowed(key: string): boolean {
    const now = this.now();
    if (this.robot.count(key, now, MINUTE) >= 20) {
      this.record('robot', key, 'refused');
      return false;
    }
    this.robot.add(key, now);
    return true;
  }

  private record(channel: LimitViolation['channel'], to: string, outcome: LimitViolation['outcome']): void {
    this.violations.push({ at: new Date(this.now()).toISOString(), channel, to, outcome });
  }

  clear(): void {
    for (const w of [this.dm, this.group, this.chat, this.robot]) w.clear();
    this.violations.length = 0;
  }
}
