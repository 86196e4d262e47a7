import { Column, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { instant, int, str, text } from './columns';

/**
 * What the 考核小组 records about the provider besides monthly scores (PRF-02, PRF-07): a weekly check
 * (`周检`, keyed by ISO week), a quarterly feedback (`季反馈`, keyed by quarter) and a contract-termination ground
 * (`终止`, numbered `ZZ<年>-<4位>`, ground 1–6). `period` + `kind` are unique for checks and feedback, so a
 * repeated command updates rather than doubles.
 */
@Entity('provider_event')
@Unique('uq_provider_event', ['kind', 'period'])
export class ProviderEvent {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number;
  /** 周检 / 季反馈 / 终止. */
  @Column(str(8)) kind: string;
  /** `2026-W10`, `2026-Q1`, or the ZZ number of a termination ground. */
  @Column(str(16)) period: string;
  /** PRF-07 ground (1)–(6) for 终止. */
  @Column(int(true)) ground: number | null;
  @Column(text()) note: string;
  /** 待确认 → 已确认 by the 中心领导's `ack:` (终止 only). */
  @Column(str(8, true)) status: string | null;
  @Column(str(64)) by: string;
  @Column(instant()) at: Date;
}
