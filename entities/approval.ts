import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { instant, int, json, str, text } from './columns';

export type ApprovalStatus = 'pending' | 'approved' | 'rejected' | 'withdrawn';

/**
 * A request decided in chat cards (design rule 4). The bot owns the state machine: transitions are
 * guarded updates `WHERE status='pending' AND step=…`, so a second click changes nothing.
 */
@Entity('approval')
@Index('uq_approval_openKey', ['openKey'], { unique: true })
@Index('uq_approval_no', ['no'], { unique: true })
export class Approval {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number;
  /** `SP<年>-<5位>`. */
  @Column(str(16)) no: string;
  @Column(str(48)) kind: string;
  /** The record decided on, e.g. `complaint` / `TS2026-0012`. */
  @Column(str(32)) subjectType: string;
  @Column(str(64)) subjectId: string;
  /**
   * `<kind>:<subjectId>` while pending, NULL once finished: a unique index on it lets only one open
   * approval per subject exist, so two concurrent starts cannot both win.
   */
  @Column(str(128, true)) openKey: string | null;
  @Column(str(12)) status: ApprovalStatus;
  /** Index of the current step in `approval_step`. */
  @Column(int()) step: number;
  @Column(str(64)) requester: string;
  @Column(str(16, true)) departmentCode: string | null;
  @Column(str(128)) title: string;
  @Column(json()) payload: Record<string, unknown>;
  @Column(instant()) createdAt: Date;
  @Column(instant(true)) finishedAt: Date | null;
  @Column(text(true)) reason: string | null;
}
