import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { bool, instant, int, localDate, str, text } from './columns';

/** 待确认 → 已确认 | 有异议 → 已确认 / 已撤销; 不成立 after a late 申辩 (ACC-03); 表扬 for positive findings. */
export type FindingStatus = '待确认' | '已确认' | '有异议' | '已撤销' | '不成立' | '表扬';

/**
 * 巡查发现 / 表扬 `WT<年>-<4位>` (INS-05…INS-09): one problem (or one praise) with its check item INS-05.n,
 * window, staff, severity (INS-07) and the dispute trail (INS-09, ACC-03). Evidence photos are attachments
 * (owner `finding`).
 */
@Entity('finding')
@Index('uq_finding_no', ['no'], { unique: true })
@Index('ix_finding_date', ['date'])
@Index('ix_finding_dept', ['departmentCode', 'date'])
export class Finding {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number;
  @Column(str(16)) no: string;
  @Column(str(16, true)) inspectionNo: string | null;
  @Column(instant()) at: Date;
  @Column(localDate()) date: string;
  /** How it was found (INS-12): the round's type, or 导服反映 / 社会监督. */
  @Column(str(8)) source: string;
  @Column(bool()) positive: boolean;
  /** INS-05 item 1–11 (HARD for problems). */
  @Column(int(true)) item: number | null;
  /** 一般 / 重复 / 典型 / 重大 / 突发 (INS-07); null for praise. */
  @Column(str(4, true)) severity: string | null;
  /** Tagged 重复 by the OPEN #16 rule rather than by the recorder. */
  @Column(bool()) autoTagged: boolean;
  @Column(str(16, true)) departmentCode: string | null;
  @Column(str(16, true)) windowNumber: string | null;
  @Column(str(64, true)) staffUserid: string | null;
  @Column(str(16, true)) area: string | null;
  @Column(text()) description: string;
  /** 当场处理 (INS-07 一般问题: remind and correct on the spot). */
  @Column(text(true)) action: string | null;
  @Column(str(8)) status: FindingStatus;
  @Column(str(64)) recorder: string;
  @Column(text(true)) disputeReason: string | null;
  @Column(str(64, true)) disputedBy: string | null;
  @Column(instant(true)) disputedAt: Date | null;
  @Column(str(64, true)) decidedBy: string | null;
  @Column(instant(true)) decidedAt: Date | null;
  @Column(text(true)) decisionNote: string | null;
  /** Who confirmed: the 首席代表, the dispute decider, or `auto` (OPEN #17). */
  @Column(str(64, true)) confirmedBy: string | null;
  @Column(instant(true)) confirmedAt: Date | null;
  /** The guide's patrol report it came from (巡查 反映). */
  @Column(int(true)) patrolReportId: number | null;
}
