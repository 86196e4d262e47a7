import { Column, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { instant, int, json, str, text } from './columns';

/** One claimed run of a job for a period (design rule 3/6, D14): unique on (job, period, attempt). */
@Entity('job_runs')
@Unique('uq_job_runs', ['job', 'period', 'attempt'])
export class JobRun {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number;
  @Column(str(64)) job: string;
  @Column(str(32)) period: string;
  @Column({ ...int(), default: 1 }) attempt: number;
  /** running | ok | failed | skipped-missed | skipped-non-workday */
  @Column(str(24)) status: string;
  /** The clock reading the run was made for (`--at`). */
  @Column(instant()) scheduledFor: Date;
  @Column(instant()) startedAt: Date;
  @Column(instant(true)) finishedAt: Date | null;
  @Column(json(true)) counts: Record<string, number> | null;
  @Column(text(true)) error: string | null;
  /** While `running`: renewed by the run's heartbeat; a running row past its lease was interrupted (a crash). */
  @Column(instant(true)) leaseUntil: Date | null;
}
