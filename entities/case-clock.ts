import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { bool, instant, int, localDate, str } from './columns';

/**
 * The 三级提醒 dates of one case clock version (CAS-18, D110): the WD L1 falls due, the WD before the due day
 * (L2) and the effective due day — the earlier of the bot's and the platform's 到期日 (CAS-02, D113). Kept so
 * the 09:00 scan is a range query on indexed dates instead of a walk over every open case; a row whose
 * `deadlineVersion` (or `rule`) no longer matches its deadline is recomputed before the scan.
 */
@Entity('case_clock')
@Index('uq_case_clock_deadline', ['deadlineId'], { unique: true })
@Index('ix_case_clock_l1', ['l1Date'])
@Index('ix_case_clock_l2', ['l2Date'])
@Index('ix_case_clock_due', ['live', 'dueDate'])
export class CaseClock {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number;
  @Column(int()) deadlineId: number;
  /** The case number the deadline hangs on (deadline.subjectId). */
  @Column(str(64)) caseNo: string;
  @Column(int()) deadlineVersion: number;
  /** The settings the dates were computed with, e.g. `50/2/1` (a setting change recomputes every row). */
  @Column(str(16)) rule: string;
  /** 承诺时限 in WDs including extensions; 0 = 即办件. */
  @Column(int()) workdays: number;
  @Column(bool()) instant: boolean;
  @Column(localDate(true)) l1Date: string | null;
  @Column(localDate(true)) l2Date: string | null;
  /** Effective due day: min(bot due, platform due). */
  @Column(localDate()) dueDate: string;
  @Column(localDate()) botDueDate: string;
  /** The platform 到期日 (service_case.platformDueDate, CAS-02) the marks were computed with. */
  @Column(localDate(true)) platformDueDate: string | null;
  /** False once the scan saw the deadline closed; kept for 超期率 (CAS-19) and the import's 到期日. */
  @Column(bool()) live: boolean;
  @Column(instant()) syncedAt: Date;
}
