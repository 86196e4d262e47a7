import { Column, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { bool, instant, int, json, localDate, str } from './columns';

export const DEADLINE_UNITS = ['WD', 'CD', 'month'] as const;
export type DeadlineUnit = (typeof DEADLINE_UNITS)[number];
export type DeadlineStatus = 'open' | 'paused' | 'closed';

/** One completed pause, whole days inclusive (CAS-12). */
export interface DeadlinePause {
  from: string;
  to: string;
}

/**
 * A pausable clock any domain hangs on its record (§0.3, DIR-13, CAS-08/10/12): "within `amount` `unit` of
 * `startAt`", plus WDs paused and WDs granted by extension. Every change bumps `version`, which reminder_log
 * keys on (D16): a moved deadline re-arms its reminders, an unchanged one never repeats them.
 */
@Entity('deadline')
@Unique('uq_deadline_subject', ['subjectType', 'subjectId', 'kind'])
@Index('ix_deadline_due', ['status', 'dueDate'])
export class Deadline {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number;
  /** The owning record, e.g. `complaint` / `TS2026-0012`. */
  @Column(str(32)) subjectType: string;
  @Column(str(64)) subjectId: string;
  /** What the clock is for, e.g. `complaint:落实`. */
  @Column(str(48)) kind: string;
  /** The event the clock runs from (D0 = its Beijing date; counting starts the next day). */
  @Column(instant()) startAt: Date;
  @Column(int()) amount: number;
  @Column(str(8)) unit: DeadlineUnit;
  /** Set while paused: when the current pause began. */
  @Column(instant(true)) pausedAt: Date | null;
  /** Completed pauses, kept so a calendar change can recount them. */
  @Column(json(true)) pauses: DeadlinePause[] | null;
  @Column(int()) pausedWorkdays: number;
  @Column(int()) extendedWorkdays: number;
  @Column(localDate()) dueDate: string;
  @Column(instant()) dueAt: Date;
  /** Computed with days beyond confirmed coverage (D13 "日期待日历确认"). */
  @Column(bool()) provisional: boolean;
  @Column(int()) version: number;
  @Column(str(8)) status: DeadlineStatus;
  @Column(instant()) createdAt: Date;
  @Column(instant()) updatedAt: Date;
  @Column(instant(true)) closedAt: Date | null;
}
