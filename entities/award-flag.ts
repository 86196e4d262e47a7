import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { instant, int, str, text } from './columns';

/**
 * 评优资格 (PRF-17) per person or department per year. A rule outcome (CMP-19 属实, SUS-10, WIN-13, STF-10)
 * raises a `pending` flag with a decision card; the hall_office member decides `cancelled` or `kept`.
 * Nominations (PRF-16) are refused while a `cancelled` flag exists for that year.
 */
@Entity('award_flag')
@Index('ix_award_subject', ['subjectType', 'subjectId', 'year'])
export class AwardFlag {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number;
  @Column(int()) year: number;
  @Column(str(12)) subjectType: 'person' | 'department';
  @Column(str(64)) subjectId: string;
  @Column(str(16)) rule: string;
  @Column(str(32)) source: string;
  @Column(str(12)) status: 'pending' | 'cancelled' | 'kept';
  /** Who must decide (the recording hall_office member). */
  @Column(str(64)) decider: string;
  @Column(str(64, true)) decidedBy: string | null;
  @Column(instant(true)) decidedAt: Date | null;
  @Column(text(true)) note: string | null;
  @Column(instant()) createdAt: Date;
}
