import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { bool, instant, int, json, localDate, str, text } from './columns';

/** 请假类型 (ATT-05: 000 窗口工作 五(五) names these leaves) plus 公事出差. */
export const LEAVE_KINDS = ['年休假', '探亲假', '婚假', '丧假', '产假', '哺乳假', '病假', '事假', '出差'] as const;
export type LeaveKind = (typeof LEAVE_KINDS)[number];

/**
 * draft (paper approval awaited, D151) → pending (approval card out) → approved → returned (销假, ATT-06);
 * or rejected / cancelled.
 */
export const LEAVE_STATUSES = ['draft', 'pending', 'approved', 'rejected', 'cancelled', 'returned'] as const;
export type LeaveStatus = (typeof LEAVE_STATUSES)[number];

/** What ATT-07 found about the window's cover when the request was made (shown on the card, D153). */
export interface LeaveCover {
  window: string | null;
  /** B-post (person.abPartner) userid and whether they are themselves away on any day of the leave. */
  partner: string | null;
  partnerAway: boolean;
  /** Others stationed at the same window and not away. */
  colleagues: string[];
  /** Approved / pending 临时关闭 numbers (GB…) overlapping the leave for this window. */
  closures: string[];
  /** Open 顶岗 registrations covering the window, when that record exists. */
  substitutes: string[];
}

/** 请假/出差单 `QJ<年>-<4位>` (ATT-05/06/07): one absence of one person, with its approval and 销假. */
@Entity('leave_request')
@Index('uq_leave_request_no', ['no'], { unique: true })
@Index('ix_leave_request_person', ['userid', 'fromDate'])
@Index('ix_leave_request_status', ['status', 'toDate'])
export class LeaveRequest {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number;
  @Column(str(16)) no: string;
  @Column(str(64)) userid: string;
  /** The person's department and window when the request was made (the ledger keeps them after moves). */
  @Column(str(16, true)) departmentCode: string | null;
  @Column(str(16, true)) windowNumber: string | null;
  @Column(str(8)) kind: LeaveKind;
  /** First and last day away (inclusive, Beijing dates). */
  @Column(localDate()) fromDate: string;
  @Column(localDate()) toDate: string;
  /** Working days inside from…to (calendar engine), which picks the approver (ATT-05). */
  @Column(int()) workdays: number;
  /** 原因 (leave) / 事由 (出差). */
  @Column(text(true)) reason: string | null;
  @Column(str(12)) status: LeaveStatus;
  /** window_lead / chief_rep / dept_leader / paper (D151). */
  @Column(str(16)) approverRole: string;
  @Column(str(64, true)) approverUserid: string | null;
  @Column(str(16, true)) approvalNo: string | null;
  /** 病假 reported on the day (by 08:30): the written request is 补办 by this date (OPEN #36). */
  @Column(localDate(true)) makeUpDue: string | null;
  @Column(json(true)) cover: LeaveCover | null;
  /** SOFT warnings answered with 理由= (rule ID → reason), logged (§0.3). */
  @Column(json(true)) softReasons: Record<string, string> | null;
  /** Peak plans overlapping the leave (SUS-04), as `name from–to`. */
  @Column(json(true)) peaks: string[] | null;
  /** Paper approval by the 分管领导, recorded by 大厅管理室 with a photo (D151). */
  @Column(bool()) paperApproval: boolean;
  @Column(str(64, true)) paperRecordedBy: string | null;
  @Column(instant(true)) decidedAt: Date | null;
  /** 销假 (ATT-06). */
  @Column(instant(true)) returnedAt: Date | null;
  /** ATT-06 脱岗 flag raised by leave-return-check. */
  @Column(localDate(true)) absentFlaggedOn: string | null;
  @Column(str(64)) createdBy: string;
  @Column(instant()) createdAt: Date;
}
