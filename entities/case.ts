import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { bool, instant, int, json, localDate, str, text } from './columns';

export const CASE_TYPES = ['即办', '承诺'] as const;
export type CaseType = (typeof CASE_TYPES)[number];
/** 普通, or the special flows of CAS-22/24 (一次办 and 异地通办 need 审核/属地 confirmation before 受理). */
export const CASE_MODES = ['普通', '一次办', '异地通办', '工程建设'] as const;
export type CaseMode = (typeof CASE_MODES)[number];
export const CASE_STATUSES = ['收件', '待补正', '已受理', '中止', '办结', '已出件', '不予受理', '已撤回'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];
/** Statuses with the applicant's matter finished (no reminders, counted in 超期率 by closedOverdue). */
export const CASE_CLOSED: readonly CaseStatus[] = ['已出件', '不予受理', '已撤回'];

/** One 补正 round (CAS-06/07): the listed materials, which are met, and the 一次性告知书 text. */
export interface CaseSupplement {
  round: number;
  items: string[];
  notice: string;
  at: string;
  by: string;
}

/** A 并联 department's share (CAS-22): its own clock. */
export interface CaseParallelPart {
  department: string;
  limitWd: number;
  deadlineId: number;
  dueDate: string;
  doneAt: string | null;
}

/**
 * 办件 `AJ<年>-<5位>` (CAS-01…24, ACC-08): the bot's mirror of a case of the 一体化在线政务服务平台, which stays
 * the system of record (CAS-02). The clock is a row of `deadline` (subjectType `case`, kind `case:办结`);
 * `dueDate` copies its due date for lists and ledgers.
 */
@Entity('service_case')
@Index('uq_service_case_no', ['no'], { unique: true })
@Index('uq_service_case_platform', ['platformNo'], { unique: true })
@Index('ix_service_case_status', ['status', 'dueDate'])
@Index('ix_service_case_department', ['departmentCode', 'status'])
export class ServiceCase {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number;
  @Column(str(16)) no: string;
  /** 平台号 (the platform's case number); unique when set. */
  @Column(str(64, true)) platformNo: string | null;
  @Column(int()) itemId: number;
  @Column(str(64)) itemCode: string;
  @Column(str(128)) itemName: string;
  @Column(str(16)) departmentCode: string;
  @Column(str(16, true)) windowNumber: string | null;
  /** 件类型 (CAS-01) and flow (CAS-22/24). */
  @Column(str(4)) type: CaseType;
  @Column(str(8)) mode: CaseMode;
  /** 承诺时限 (WD) copied from the item at 收件 (ITM-05). */
  @Column(int()) limitWd: number;
  /** 申请人 · 联系电话 (personal data, masked for staff per REC-07). */
  @Column(str(64)) applicant: string;
  @Column(str(32, true)) applicantPhone: string | null;
  /** 首问责任人 (CAS-03: the receiver follows the file end to end) · 承办人 (who typed the last event). */
  @Column(str(64)) firstResponder: string;
  @Column(str(64, true)) handler: string | null;
  @Column(str(8)) status: CaseStatus;
  @Column(instant()) receivedAt: Date;
  /** 补正 rounds (CAS-06/07) and the date the listed materials were all received (补齐, CAS-08). */
  @Column(json()) supplements: CaseSupplement[];
  @Column(localDate(true)) completedDate: string | null;
  /** 审核部门 / 属地部门 confirmation before 受理 (CAS-24). */
  @Column(str(64, true)) confirmedBy: string | null;
  @Column(instant(true)) confirmedAt: Date | null;
  @Column(instant(true)) acceptedAt: Date | null;
  /** The clock (D16 versions, CAS-08/10/12) and a copy of its due date. */
  @Column(int(true)) deadlineId: number | null;
  @Column(localDate(true)) dueDate: string | null;
  /** 并联 departments' sub-deadlines (CAS-22). */
  @Column(json(true)) parallel: CaseParallelPart[] | null;
  /** Current 中止 reason (CAS-12) while paused; count of 延期 (CAS-10). */
  @Column(str(8, true)) pauseReason: string | null;
  @Column(int()) extensions: number;
  /** 办结 result (CAS-15) or 不予受理 reason + 法律依据 (CAS-11) or 撤回 reason (CAS-16). */
  @Column(text(true)) result: string | null;
  @Column(text(true)) refusalBasis: string | null;
  @Column(instant(true)) finishedAt: Date | null;
  /** 出件 (CAS-15/24): 现场 / 专递 / 网上, 告知 电话/短信, 取件地 申请地/属地, 一证通 行业综合许可证 number. */
  @Column(str(8, true)) deliveryMethod: string | null;
  @Column(str(8, true)) notifyChannel: string | null;
  @Column(str(8, true)) pickupPlace: string | null;
  @Column(str(64, true)) licenceNo: string | null;
  @Column(instant(true)) deliveredAt: Date | null;
  /** Closed (出件/不予受理/撤回) and, for 超期率 (CAS-19), WDs past the due date when 办结. */
  @Column(instant(true)) closedAt: Date | null;
  @Column(bool()) closedOverdue: boolean;
  @Column(int(true)) overdueWd: number | null;
  /** 责任认定 (ACC-08): 审批部门 / 综窗, the note, who set it and when. */
  @Column(str(8, true)) faultParty: string | null;
  @Column(text(true)) faultNote: string | null;
  @Column(str(64, true)) faultBy: string | null;
  @Column(instant(true)) faultAt: Date | null;
  /** Platform side of an imported row (CAS-02 mismatches): its due date and close date. */
  @Column(localDate(true)) platformDueDate: string | null;
  @Column(localDate(true)) platformClosedDate: string | null;
  /** 聊天 or 导入. */
  @Column(str(8)) source: string;
  @Column(int()) version: number;
  @Column(instant()) createdAt: Date;
  @Column(instant()) updatedAt: Date;
  @Column(str(64)) updatedBy: string;
}
