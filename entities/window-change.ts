import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { instant, json, localDate, str, text } from './columns';

export type ChangeStatus = 'pending' | 'approved' | 'done' | 'rejected' | 'withdrawn';

/** 窗口变更登记备案表 `BG<年>-<部门>-<3位>` (000 调整管理 附件1; WIN-01, WIN-02). */
@Entity('window_change')
@Index('uq_window_change_no', ['no'], { unique: true })
export class WindowChange {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number;
  @Column(str(24)) no: string;
  @Column(str(16)) departmentCode: string;
  /** 变更原因（新增或调减）. */
  @Column(str(4)) changeType: '新增' | '调减';
  /** 新增（调减）窗口位置（编号）及数量 — the count is the number of refs. */
  @Column(json()) windows: string[];
  /** 新增（调减）窗口起始日期. */
  @Column(localDate()) startDate: string;
  /** Optional end of the need (WIN-01 / OPEN #57 hint). */
  @Column(localDate(true)) endDate: string | null;
  /** 窗口办理业务内容. */
  @Column(text()) business: string;
  /** 自带（撤离）设施设备. */
  @Column(text(true)) equipment: string | null;
  @Column(text(true)) reason: string | null;
  @Column(text(true)) softReason: string | null;
  @Column(str(12)) status: ChangeStatus;
  @Column(str(16, true)) approvalNo: string | null;
  @Column(instant(true)) filedAt: Date | null;
  /** Registry updated (all device tasks done). */
  @Column(instant(true)) doneAt: Date | null;
  @Column(str(64)) createdBy: string;
  @Column(instant()) createdAt: Date;
}
