import { Column, Entity, PrimaryColumn } from 'typeorm';
import { int, pk } from './columns';

/** Send counters per recipient / chat / robot and time window (D9), shared by every instance. */
@Entity('rate_counter')
export class RateCounter {
  /** e.g. `user:lisi:m:29523671` (scope, id, window kind, window index). */
  @PrimaryColumn(pk(191)) bucket: string;
  @Column(int()) count: number;
  /** Window index end, epoch minutes — lets old rows be pruned. */
  @Column(int()) expiresMinute: number;
}
