import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { instant, int, json, str, text } from './columns';

export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'failed';

/**
 * A message to deliver (design rule 2): written in the same transaction as the change it reports,
 * delivered later by the sender worker. `dedupe_key` is unique so the same notice is never queued twice.
 */
@Entity('outbox')
@Index('uq_outbox_dedupeKey', ['dedupeKey'], { unique: true })
@Index('ix_outbox_due', ['status', 'nextAttemptAt'])
export class OutboxRow {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number;
  @Column(str(191)) dedupeKey: string;
  /** user: `target` = userids joined by `|`; group: `target` = group key (G-OFFICE…). */
  @Column(str(8)) targetKind: 'user' | 'group';
  @Column(str(1024)) target: string;
  /** text | markdown | template_card | update_card | file */
  @Column(str(24)) msgType: string;
  @Column(json()) body: Record<string, unknown>;
  @Column(str(12)) status: OutboxStatus;
  @Column({ ...int(), default: 0 }) attempts: number;
  @Column(instant()) nextAttemptAt: Date;
  @Column(instant(true)) leaseUntil: Date | null;
  @Column(text(true)) lastError: string | null;
  /** WeCom's answer: msgid, response_code of an interactive card. */
  @Column(json(true)) response: Record<string, unknown> | null;
  @Column(instant()) createdAt: Date;
  @Column(instant(true)) sentAt: Date | null;
  /** media_id of an uploaded file, kept so a retry sends it without uploading again (valid 3 days, D6). */
  @Column(str(128, true)) mediaId: string | null;
}
