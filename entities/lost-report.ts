import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { instant, str, text } from './columns';

/** A 报失 note (LST-01 "报失"): what someone lost and how to reach them; matched against found items. */
@Entity('lost_report')
@Index('ix_lost_report_at', ['createdAt'])
export class LostReport {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number;
  @Column(text()) description: string;
  /** Personal data (REC-07): masked for guides. */
  @Column(str(64)) contact: string;
  @Column(str(64)) reportedBy: string;
  @Column(instant()) createdAt: Date;
}
