import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { instant, localDate, str, text } from './columns';

/**
 * 移交 record (ACC-05, CMP-18, CMP-19, BRF-09, INS-11): a matter handed to an external body (纪委监委, 纪检监察组,
 * 公安机关, 派驻部门 …) — no account there, so the bot keeps the date, body and summary (docs/commands.md).
 */
@Entity('referral')
@Index('ix_referral_source', ['source'])
export class Referral {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number;
  @Column(localDate()) date: string;
  /** The record referred: TS…, WT…, 督通…, WX…. */
  @Column(str(32)) source: string;
  @Column(str(32)) body: string;
  @Column(text()) summary: string;
  @Column(str(64)) createdBy: string;
  @Column(instant()) createdAt: Date;
}
