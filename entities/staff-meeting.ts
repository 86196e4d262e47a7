import { Column, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { instant, json, localDate, str, text } from './columns';

/** ATT-08 / DIR-16: one 综窗 晨会 or 夕会 and who attended; a second record of the same meeting replaces it. */
@Entity('staff_meeting')
@Unique('uq_staff_meeting', ['date', 'type'])
export class StaffMeeting {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number;
  @Column(localDate()) date: string;
  /** 晨会 / 夕会. */
  @Column(str(4)) type: string;
  @Column(json()) attendees: string[];
  @Column(json()) absentees: string[];
  @Column(text(true)) content: string | null;
  @Column(str(64)) recordedBy: string;
  @Column(instant()) createdAt: Date;
}
