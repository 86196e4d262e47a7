import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { bool, instant, json, localDate, str, text } from './columns';

/** 附件2 row 4–6: what the 申请表 asks for (临时关闭, 重启 after 收回, 固定时间/季节重启). */
export const CLOSURE_TYPES = ['临时关闭', '重启', '季节重启'] as const;
export type ClosureType = (typeof CLOSURE_TYPES)[number];

/**
 * draft (D28: 保障措施 incomplete) → pending (approval running) → approved (window 临时关闭, or reopened) →
 * ended (到岗 / 恢复上岗) | reclaimed (WIN-08 收回为备用窗口); or rejected / withdrawn.
 */
export type ClosureStatus = 'draft' | 'pending' | 'approved' | 'ended' | 'reclaimed' | 'rejected' | 'withdrawn';

/** 附件2 row 7 保障措施, keyed by the chat argument names (D28). */
export type ClosureMeasures = Partial<
  Record<'联络人' | '联络电话' | '咨询人员' | '咨询电话' | '宣传告知' | '高峰应对', string>
>;

/** 窗口临时关闭（重启）申请表 `GB<年>-<部门>-<3位>` (000 调整管理 附件2; WIN-03…WIN-12). */
@Entity('window_closure')
@Index('uq_window_closure_no', ['no'], { unique: true })
@Index('ix_window_closure_dept', ['departmentCode', 'status'])
export class WindowClosure {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number;
  @Column(str(24)) no: string;
  @Column(str(8)) type: ClosureType;
  @Column(str(16)) departmentCode: string;
  /** 窗口位置编号 (row 3). */
  @Column(json()) windows: string[];
  /** 临时关闭: first closed day; 重启: the reopening day. */
  @Column(localDate()) fromDate: string;
  /** 临时关闭: last closed day (inclusive). */
  @Column(localDate(true)) toDate: string | null;
  /** 事由 (row 2). */
  @Column(text()) reason: string;
  /** 证明材料 named in text (文件名/文号) when the proof is not (only) a photo. */
  @Column(text(true)) proofNote: string | null;
  @Column(json(true)) measures: ClosureMeasures | null;
  /** WIN-04(2): 关闭时段本部门所有窗口不限号 — declared by the department. */
  @Column(bool()) noLimitDeclared: boolean;
  /** WIN-04 / OPEN #28: 超限理由 — adds the 中心领导 step. */
  @Column(text(true)) overrideReason: string | null;
  /** SOFT warnings answered with 理由= (rule ID → reason), logged (§0.3). */
  @Column(json(true)) softReasons: Record<string, string> | null;
  @Column(str(12)) status: ClosureStatus;
  @Column(str(16, true)) approvalNo: string | null;
  /** When the 首席代表-signed form reached 大厅管理室 (000 调整管理 二(二)2(1): filing deadlines are checked at this time). */
  @Column(instant(true)) filedAt: Date | null;
  @Column(instant(true)) decidedAt: Date | null;
  /** 实际恢复日期 (到岗 confirmed, 恢复上岗, or 收回). */
  @Column(localDate(true)) restoredOn: string | null;
  /** WIN-08 card outcome: 收回 / 保留. */
  @Column(str(8, true)) reclaimDecision: string | null;
  /** WIN-11 恢复上岗: ordered by 大厅管理室, acknowledged by the 首席代表. */
  @Column(instant(true)) resumeOrderedAt: Date | null;
  @Column(text(true)) resumeNote: string | null;
  @Column(instant(true)) resumeAckAt: Date | null;
  @Column(str(64)) createdBy: string;
  @Column(instant()) createdAt: Date;
}
