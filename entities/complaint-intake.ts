import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { instant, str, text } from './columns';

/**
 * Complaint intake notes without a case number: `投诉 上报` by guides/staff (D4 triage list, "待登记 #7"),
 * 好差评 差评 awaiting registration (REV-02), and 无效投诉 notes (CMP-04, OPEN #10). Never holds the
 * complainant's identity — only what was reported.
 */
@Entity('complaint_intake')
@Index('ix_complaint_intake_status', ['status'])
export class ComplaintIntake {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number;
  /** 上报 / 差评 / 无效. */
  @Column(str(8)) kind: string;
  /** 待登记 / 已登记 / 无效 / 已记录. */
  @Column(str(8)) status: string;
  @Column(text()) content: string;
  @Column(str(64, true)) target: string | null;
  /** 差评号 CP… or 工单号. */
  @Column(str(32, true)) sourceRef: string | null;
  @Column(str(64)) reportedBy: string;
  @Column(str(16, true)) complaintNo: string | null;
  @Column(instant()) createdAt: Date;
  @Column(instant(true)) handledAt: Date | null;
}
