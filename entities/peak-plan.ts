import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { bool, instant, int, json, localDate, str, text } from './columns';

/** SUS-03 checklist items ticked by the 首席代表 (000 高峰停办 二(一)2–4). */
export const PEAK_CHECKS = ['宣传', '设备', '导服', '技术'] as const;
/** SUS-09 INFO items for 大厅管理室 (000 高峰停办 二(一)6). */
export const PEAK_COORDINATION = ['交警', '物业'] as const;

export type CheckMark = { at: string; by: string; note?: string };

/** 业务高峰工作预案 `GF<年>-<部门>-<3位>` (SUS-01…SUS-05, SUS-09; fields the rulebook's §7 (docs/rules.md) record, OPEN #30). */
@Entity('peak_plan')
@Index('uq_peak_plan_no', ['no'], { unique: true })
@Index('ix_peak_plan_dept', ['departmentCode', 'status'])
export class PeakPlan {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number;
  @Column(str(24)) no: string;
  @Column(str(16)) departmentCode: string;
  @Column(localDate()) fromDate: string;
  @Column(localDate()) toDate: string;
  /** 系统升级 / 政策 / 其他 (000 高峰停办 一). */
  @Column(str(8)) reasonType: string;
  @Column(text(true)) reason: string | null;
  @Column(str(32, true)) contactName: string | null;
  @Column(str(32, true)) contactPhone: string | null;
  /** 职责分工 · 人员安排（含派驻部门抽调）. */
  @Column(text(true)) staffing: string | null;
  /** 宣传及分流引导措施. */
  @Column(text(true)) publicity: string | null;
  @Column(str(64, true)) techPerson: string | null;
  /** 风险防范责任人 — the 首席代表 by default. */
  @Column(str(64, true)) riskOwner: string | null;
  @Column(text(true)) orderStaff: string | null;
  @Column(text(true)) extendedService: string | null;
  /** 每日最多可办理业务数量 (SUS-05). */
  @Column(int(true)) dailyCapacity: number | null;
  /** 及时报派驻部门 (SUS-02). */
  @Column(bool()) reportedToParent: boolean;
  @Column(json(true)) checklist: Record<string, CheckMark> | null;
  @Column(json(true)) coordination: Record<string, CheckMark> | null;
  @Column(str(12)) status: 'draft' | 'pending' | 'approved' | 'rejected' | 'withdrawn';
  @Column(str(16, true)) approvalNo: string | null;
  @Column(instant(true)) filedAt: Date | null;
  /** SUS-10 原因认定 (主观原因), with the KF number. */
  @Column(str(16, true)) causeClass: string | null;
  @Column(text(true)) causeNote: string | null;
  @Column(str(64)) createdBy: string;
  @Column(instant()) createdAt: Date;
}
