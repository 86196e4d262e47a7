import { In } from 'typeorm';
import { OutboxRow } from '../../entities/outbox';
import { unclaimQueued, type Db } from '../db';
import { settle } from './rate-limit';

/**
 * A write of the sender whose answer was lost to a database outage (D90 for the inbox, D232 here). It may have
 * committed or not; either way it is settled once the database answers again, guarded on this claim's own
 * attempt count and leases, so an outage neither spends an attempt nor holds a row for a whole lease, and another
 * instance's later claim of the same row is never touched.
 */
export type LostAnswer =
  /** Claimed (or being worked on) but not sent: give the claim back, as if it had never been made. */
  | { kind: 'unclaim'; id: number; attempts: number; leases: Date[] }
  /** WeCom answered 200 but the `sent` mark may be lost: record it, so nobody sends the row a second time. */
  | {
      kind: 'sent';
      id: number;
      attempts: number;
      leases: Date[];
      sentAt: Date;
      response: unknown;
      reserved: number[];
    };

export class LostAnswers {
  private readonly queue: LostAnswer[] = [];

  add(lost: LostAnswer): void {
    this.queue.push(lost);
  }

  get size(): number {
    return this.queue.length;
  }

  /** Settle every lost answer, oldest first; throws (keeping the rest) while the database is still away. */
  async replay(db: Db): Promise<void> {
    while (this.queue.length) {
      await settleLost(db, this.queue[0]);
      this.queue.shift();
    }
  }
}

async function settleLost(db: Db, lost: LostAnswer): Promise<void> {
  await db.tx(async (m) => {
    if (lost.kind === 'unclaim') return unclaimQueued(m, OutboxRow, 'sending', lost);
    // Still our claim: `sending`, the attempt count our claim set, one of the leases we wrote (claim or renewal).
    const ours = m
      .createQueryBuilder()
      .update(OutboxRow)
      .where({
        id: lost.id,
        status: 'sending',
        attempts: lost.attempts,
        leaseUntil: In(lost.leases.map((d) => d.toISOString())),
      });
    await settle(m, lost.reserved, lost.sentAt);
    await ours
      .set({ status: 'sent', sentAt: lost.sentAt, leaseUntil: null, response: lost.response as never })
      .execute();
  });
}
