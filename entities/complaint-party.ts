import { Column, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { bool, instant, int, str, text } from './columns';

/**
 * One respondent department's share of a 转交 / 协同 referral in one round (CMP-11/12/13/16): its own
 * 落实 clock (deadline kind `complaint:落实:<dept>`), the 首席代表's 已收到 click and the 落实情况 report.
 */
@Entity('complaint_party')
@Unique('uq_complaint_party', ['complaintNo', 'departmentCode', 'round'])
@Index('ix_complaint_party_dept', ['departmentCode'])
export class ComplaintParty {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number;
  @Column(str(16)) complaintNo: string;
  @Column(str(16)) departmentCode: string;
  @Column(int()) round: number;
  @Column(bool()) serious: boolean;
  /** 待审批 / 已转交 / 已落实 / 撤回. */
  @Column(str(8)) status: string;
  @Column(instant(true)) sentAt: Date | null;
  @Column(instant(true)) ackAt: Date | null;
  @Column(str(64, true)) ackBy: string | null;
  @Column(instant(true)) reportedAt: Date | null;
  @Column(str(64, true)) reportedBy: string | null;
  @Column(text(true)) report: string | null;
  @Column(bool()) reportOverdue: boolean;
  @Column(instant()) createdAt: Date;
}
