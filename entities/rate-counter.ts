import { Column, Entity, PrimaryColumn } from 'typeorm';
import { int, pk } from './columns';

/**
 * One row per rate-limit scope (`u:lisi`, `c:<chatid>`, `r:<key>`), shared by every instance (D9). Bumping it is
 * the lock that serialises two instances reserving for the same scope; the window itself is counted in
 * rate_send (D34 sliding windows).
 */
@Entity('rate_counter')
export class RateCounter {
  @PrimaryColumn(pk(191)) bucket: string;
  /** Reservations ever made for this scope (the lock's write). */
  @Column(int()) count: number;
  /** Epoch minute of the last reservation — lets idle scopes be pruned. */
  @Column(int()) expiresMinute: number;
}
