import { Column, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { instant, localDate, str } from './columns';

/**
 * One person's day as the center's 考勤系统 exported it (ATT-02: the system of record; the bot mirrors it and
 * keeps no parallel ledger). Upserted by person and date on each import (D140); 迟到/早退/invalid are not stored
 * but judged when read, so a 延时服务 log or an approved leave entered after the import still counts (D141).
 */
@Entity('attendance_day')
@Unique('uq_attendance_day', ['userid', 'date'])
@Index('ix_attendance_day_date', ['date'])
export class AttendanceDay {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number;
  @Column(str(64)) userid: string;
  @Column(localDate()) date: string;
  /** `HH:MM` as exported, or null when the 考勤系统 has no sign-in. */
  @Column(str(5, true)) signIn: string | null;
  @Column(str(5, true)) signOut: string | null;
  /** The last import that changed the row (the file itself is kept as its attachment, D94). */
  @Column(instant()) importedAt: Date;
  @Column(str(64)) importedBy: string;
}
