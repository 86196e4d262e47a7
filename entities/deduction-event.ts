import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { instant, int, localDate, str, text } from './columns';

/**
 * 扣分事件 (PRF-14): raised by CMP-19, INS-11, SUS-10, WIN-13, STF-10, MAIL-06, CAS-19 with the rule ID and the
 * source record. Points default to 0 (OPEN #12: record only) until the 绩效考评办法 is supplied. D21: a real
 * table from the start, read by notices and the monthly batch.
 */
@Entity('deduction_event')
@Index('uq_deduction_event_no', ['no'], { unique: true })
@Index('ix_deduction_dept_date', ['departmentCode', 'date'])
export class DeductionEvent {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number;
  /** `KF<年>-<4位>`. */
  @Column(str(16)) no: string;
  @Column(localDate()) date: string;
  @Column(str(16, true)) departmentCode: string | null;
  @Column(str(64, true)) personUserid: string | null;
  @Column(str(16)) rule: string;
  /** The record it comes from: TS…, WT…, GB…, TB…. */
  @Column(str(32)) source: string;
  @Column({ ...int(), default: 0 }) points: number;
  @Column(text(true)) note: string | null;
  /** active, or cleared (ACC-07 澄清 / 问效 不成立 — excluded from deductions). */
  @Column(str(12)) status: 'active' | 'cleared';
  @Column(str(64)) createdBy: string;
  @Column(instant()) createdAt: Date;
}
