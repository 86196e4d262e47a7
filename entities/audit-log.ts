import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { instant, json, str } from './columns';

/** Append-only history of every state change (REC-02): who, when, what, on which record. */
@Entity('audit_log')
@Index('ix_audit_subject', ['subjectType', 'subjectId'])
export class AuditLog {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number;
  @Column(instant()) at: Date;
  /** userid, or `job:<name>`, `cli`, `system`. */
  @Column(str(64)) actor: string;
  @Column(str(64)) action: string;
  @Column(str(32)) subjectType: string;
  @Column(str(64)) subjectId: string;
  @Column(json(true)) detail: Record<string, unknown> | null;
}
