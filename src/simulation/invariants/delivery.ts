import { InboxRow } from '../../../entities/inbox';
import { OutboxRow } from '../../../entities/outbox';
import type { Invariant } from './types';

// WeCom doc 99110: the bot's own limiter keeps every send under WeCom's limits — nothing the fake marks as
// silently dropped (30/min, 1000/h per member; 200/min per chat member) and no robot past 20/min.
export const noRateLimitDrops: Invariant = {
  name: 'zero rate-limit drops at the fake',
  rules: 'WeCom doc 99110',
  check(f) {
    const items = f.fake.feedLog.all();
    const violations = items
      .filter((i) => i.dropped)
      .map((i) => `#${i.id} ${i.channel} dropped for ${i.droppedFor.join(',')}`);
    const robot = new Map<string, number[]>();
    for (const c of f.fake.calls) {
      if (!c.path.includes('webhook/send')) continue;
      const t = new Date(c.at).getTime();
      const key = c.query.key ?? '';
      const recent = (robot.get(key) ?? []).filter((x) => x > t - 60_000);
      if (recent.length >= 20) violations.push(`robot ${key} over 20/min at ${c.at}`);
      recent.push(t);
      robot.set(key, recent);
    }
    return Promise.resolve({ checked: items.length, violations });
  },
};

// D5/D7: every callback processed (no inbox row failed) and every outbox row delivered (none failed).
export const nothingFailed: Invariant = {
  name: 'zero failed inbox (and outbox) rows',
  rules: 'D5, D7',
  async check(f) {
    const inbox = await f.m.find(InboxRow, { where: { status: 'failed' } });
    const outbox = await f.m.find(OutboxRow, { where: { status: 'failed' } });
    const total = (await f.m.count(InboxRow)) + (await f.m.count(OutboxRow));
    return {
      checked: total,
      violations: [
        ...inbox.map((r) => `inbox #${r.id} ${r.userid}: ${(r.error ?? '').split('\n')[0]}`),
        ...outbox.map((r) => `outbox #${r.id} ${r.target}: ${r.lastError ?? ''}`),
      ],
    };
  },
};
