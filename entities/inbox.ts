import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { instant, int, json, str, text } from './columns';

export type InboxStatus = 'pending' | 'processing' | 'done' | 'failed' | 'ignored';

/** Every signed, decrypted callback (design rule 1, D5). `dedupe_key` makes a retried delivery harmless (D7). */
@Entity('inbox')
@Index('uq_inbox_dedupeKey', ['dedupeKey'], { unique: true })
@Index('ix_inbox_status', ['status', 'id'])
export class InboxRow {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number;
  @Column(str(191)) dedupeKey: string;
  @Column(str(64)) userid: string;
  /** text | image | voice | file | video | location | link | event:<name> | unknown */
  @Column(str(48)) kind: string;
  /** The parsed message (inbound.ts); the MsgId stays a string. */
  @Column(json()) payload: Record<string, unknown>;
  @Column(str(16)) status: InboxStatus;
  @Column({ ...int(), default: 0 }) attempts: number;
  @Column(text(true)) error: string | null;
  /** Short id told to the user and logged with the stack ("出错了，已记录（编号 …）"). */
  @Column(str(16, true)) errorRef: string | null;
  @Column(instant(true)) leaseUntil: Date | null;
  @Column(instant()) receivedAt: Date;
  @Column(instant(true)) processedAt: Date | null;
}
