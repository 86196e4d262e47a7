import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { bool, instant, json, localDate, str, text } from './columns';

/** Evidence behind a 约谈 candidate (BRF-04/05): finding, complaint and rectification numbers. */
export interface TalkEvidence {
  findings: string[];
  complaints: string[];
  rectifications: string[];
}

/**
 * 约谈 (BRF-04…BRF-06) of one department for one month: proposed by the monthly batch (OPEN #19/#20),
 * confirmed by 大厅管理室, recorded with the 9 fields of the 约谈记录 (OPEN #23) and approved by a 中心领导 (D20).
 * Deadline: the 10th of the next month (inclusive, OPEN #2); a late talk is recorded with `late` (never refused).
 */
@Entity('talk')
@Index('uq_talk_subject', ['month', 'departmentCode', 'target'], { unique: true })
export class Talk {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number;
  /** 所属月份 `YYYY-MM`. */
  @Column(str(7)) month: string;
  @Column(str(16)) departmentCode: string;
  /** 首席代表 (BRF-04) / 分管领导 (BRF-05). */
  @Column(str(8)) target: string;
  /** 候选 / 已确认 / 待审定 / 已完成 / 已驳回. */
  @Column(str(8)) status: string;
  @Column(localDate()) deadline: string;
  @Column(text()) reasons: string;
  @Column(json()) evidence: TalkEvidence;
  @Column(instant(true)) proposedAt: Date | null;
  @Column(str(64, true)) confirmedBy: string | null;
  @Column(instant(true)) confirmedAt: Date | null;
  @Column(localDate(true)) talkDate: string | null;
  /** 约谈人 (names). */
  @Column(str(128, true)) talkers: string | null;
  /** 约谈对象 (name). */
  @Column(str(64, true)) targetName: string | null;
  @Column(text(true)) opinions: string | null;
  @Column(text(true)) requirements: string | null;
  @Column(localDate(true)) requirementDue: string | null;
  @Column(str(64, true)) drafter: string | null;
  @Column(str(64, true)) approver: string | null;
  @Column(instant(true)) approvedAt: Date | null;
  @Column(str(16, true)) approvalNo: string | null;
  @Column(str(32, true)) noticeNo: string | null;
  @Column(str(16, true)) rectificationNo: string | null;
  /** Held after the 10th (D31: recorded with the actual date, flagged). */
  @Column(bool()) late: boolean;
}
