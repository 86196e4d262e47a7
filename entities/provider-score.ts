import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { instant, int, json, str, text } from './columns';

/**
 * The 综合一窗 provider's monthly score (PRF-01, -03, -04, -06, -08, -09). Scores are kept in tenths (855 =
 * 85.5) so bands and the fee deduction are integer arithmetic (D96); `items` holds the 考核细则 item scores when
 * the score was entered item by item (OPEN #52).
 */
@Entity('provider_score')
@Index('uq_provider_score_month', ['month'], { unique: true })
export class ProviderScore {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number;
  /** `YYYY-MM`, not before 2022-10 (PRF-08). */
  @Column(str(7)) month: string;
  @Column(int()) scoreTenths: number;
  /** 不达标 / 基本达标 / 优秀 (PRF-03). */
  @Column(str(8)) band: string;
  /** Deduction from that month's fee, in percent (PRF-04: 10 / 5 / 0). */
  @Column(int()) deductionPercent: number;
  /** The monthly fee in fen when the score was entered (`provider.monthlyFeeFen`), null while 未设置. */
  @Column(int(true)) feeFen: number | null;
  @Column(json(true)) items: Record<string, number> | null;
  /** 正常, 有异议 (PRF-06 until the 考核小组 decides), 已维持, 已改分. */
  @Column(str(8)) status: string;
  @Column(text(true)) disputeReason: string | null;
  @Column(str(64, true)) decidedBy: string | null;
  @Column(str(64)) enteredBy: string;
  @Column(instant()) enteredAt: Date;
}
