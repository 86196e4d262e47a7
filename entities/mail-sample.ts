import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { instant, str } from './columns';

/**
 * The month's 政务专递 spot-check sample (MAIL-06, OPEN #49): drawn once per month and kept, so a re-run or a
 * second `专递 抽查` shows the same entries.
 */
@Entity('mail_sample')
@Index('uq_mail_sample', ['month', 'mailNo'], { unique: true })
export class MailSample {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number;
  @Column(str(7)) month: string;
  /** The window the entry belongs to (or the department code when no window was recorded). */
  @Column(str(16)) windowKey: string;
  @Column(str(16)) mailNo: string;
  @Column(instant()) drawnAt: Date;
}
