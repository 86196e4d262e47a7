import { Column, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { instant, int, str } from './columns';

/**
 * One reminder sent (design rule 3, D16): unique on (subject, kind, deadline_version, occurrence), so a
 * re-run, a restart or a second instance cannot send it again; a new deadline version re-arms it.
 */
@Entity('reminder_log')
@Unique('uq_reminder_log', ['subject', 'kind', 'deadlineVersion', 'occurrence'])
export class ReminderLog {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number;
  @Column(str(64)) subject: string;
  @Column(str(48)) kind: string;
  @Column(int()) deadlineVersion: number;
  /** The working day for daily repeats, or a fixed label for one-shot reminders. */
  @Column(str(32)) occurrence: string;
  @Column(instant()) sentAt: Date;
}
