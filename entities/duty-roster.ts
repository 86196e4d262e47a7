import { Column, Entity, PrimaryColumn } from 'typeorm';
import { instant, pk, str } from './columns';

/** DIR-12 带班表: one 带班领导 per working day. */
@Entity('duty_roster')
export class DutyRoster {
  @PrimaryColumn(pk(10)) date: string;
  @Column(str(64)) leader: string;
  @Column(str(64)) setBy: string;
  @Column(instant()) setAt: Date;
}
