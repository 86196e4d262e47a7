import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { instant, int, localDate, str, text } from './columns';

/** 待报方案 → 整改中 → 待验收 → 已通过 (或 不到位 → 整改中 again). */
export type RectificationStatus = '待报方案' | '整改中' | '待验收' | '已通过';

/**
 * 责令整改 order `ZG<年>-<4位>` with its 整改方案 (ACC-04: 内容, 措施, 完成时限, 责任人 — HARD), result and
 * 验收 (INS-11, ACC-05). `source` is the WT / TS / CP / 督通 number it answers; sources whose table this
 * module does not know are kept as the typed reference.
 */
@Entity('rectification')
@Index('uq_rectification_no', ['no'], { unique: true })
@Index('ix_rectification_source', ['source'])
@Index('ix_rectification_dept', ['departmentCode', 'status'])
export class Rectification {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number;
  @Column(str(16)) no: string;
  @Column(str(32)) source: string;
  /** finding / complaint / review / notice / other. */
  @Column(str(12)) sourceType: string;
  @Column(str(16, true)) departmentCode: string | null;
  /** Who must report the plan and the result. */
  @Column(str(64)) responsible: string;
  @Column(str(64)) issuedBy: string;
  @Column(instant()) issuedAt: Date;
  @Column(str(8)) status: RectificationStatus;
  /** Last 验收 verdict: 通过 / 不到位. */
  @Column(str(8, true)) verdict: string | null;
  @Column(text(true)) requirement: string | null;
  @Column(text(true)) planContent: string | null;
  @Column(text(true)) planMeasures: string | null;
  @Column(localDate(true)) planDeadline: string | null;
  @Column(str(64, true)) planOwner: string | null;
  @Column(instant(true)) planAt: Date | null;
  @Column(text(true)) result: string | null;
  @Column(instant(true)) completedAt: Date | null;
  @Column(str(64, true)) acceptedBy: string | null;
  @Column(instant(true)) acceptedAt: Date | null;
  @Column(text(true)) acceptNote: string | null;
  /** How many times 验收 found it 不到位 (INS-11 整改不力). */
  @Column(int()) failedChecks: number;
  /** 长效机制 of a complex 差评 or complaint (REV-03, CMP-21). */
  @Column(text(true)) longTerm: string | null;
  /** The explanation given to the complainant (REV-03, CMP-21). */
  @Column(text(true)) explanation: string | null;
}
