import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { instant, str } from './columns';

/**
 * One message towards one recipient, chat or robot (D9, D34): the sliding-window rate limiter counts these
 * rows. `arrivedBy` is the latest instant the message can have reached WeCom — the reservation time plus the
 * worst-case delivery while the call is in flight, the completion time once it returned — so the count is
 * never lower than what WeCom saw, even after a crash mid-call.
 */
@Entity('rate_send')
@Index('ix_rate_send_scope', ['scope', 'arrivedBy'])
export class RateSend {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number;
  /** `u:<userid>`, `c:<chatid>` or `r:<robot key>`; the matching rate_counter row is its lock. */
  @Column(str(191)) scope: string;
  @Column(instant()) arrivedBy: Date;
}
