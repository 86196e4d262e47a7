import { Column, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { bool, instant, localDate, str } from './columns';

/** A guide's `晨会 到` (ATT-04, OPEN #35: on time = present at the 08:20 晨会). One per guide per day. */
@Entity('guide_rollcall')
@Unique('uq_guide_rollcall', ['date', 'userid'])
export class GuideRollcall {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number;
  @Column(localDate()) date: string;
  @Column(str(64)) userid: string;
  @Column(instant()) at: Date;
  @Column(bool()) late: boolean;
}
