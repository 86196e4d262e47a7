import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { bool, instant, int, localDate, str, text } from './columns';

/**
 * 事项调整申请 → 事项任务 `SX<年>-<4位>` (000 事项动态 第二至四条; ITM-02…04, ITM-10): a department's written
 * request to add, cancel or change an item, its 中心初审 (approval), and the 旗政务服务局 list update it then owes
 * (a clock `item:更新` on the deadline table).
 */
@Entity('item_change')
@Index('uq_item_change_no', ['no'], { unique: true })
@Index('ix_item_change_status', ['status'])
export class ItemChange {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number;
  @Column(str(16)) no: string;
  @Column(str(16)) departmentCode: string;
  /** 新增 / 取消 / 变更. */
  @Column(str(4)) changeType: string;
  @Column(str(128)) itemName: string;
  /** 事项编码 of an existing item (取消/变更), or the code a new item will carry when known. */
  @Column(str(64, true)) itemCode: string | null;
  /** ITM-02 reason 1–6, and its words (reason 2 is kept verbatim; 6 其他 needs them). */
  @Column(int()) reasonCode: number;
  @Column(text(true)) reasonText: string | null;
  /** The day the change takes effect; the request is due within item.filingWorkdays of it (OPEN #39). */
  @Column(localDate()) effectiveDate: string;
  /** ITM-03: the 审批人员 a new item must name. */
  @Column(str(255, true)) approvers: string | null;
  @Column(bool()) filedLate: boolean;
  @Column(str(64)) filedBy: string;
  /** 初审中 / 待更新 / 已更新 / 已驳回 / 已撤回. */
  @Column(str(8)) status: string;
  @Column(str(16, true)) approvalNo: string | null;
  @Column(text(true)) rejectReason: string | null;
  /** 清单更新日期 and who did it (ITM-04). */
  @Column(localDate(true)) listUpdatedDate: string | null;
  @Column(str(64, true)) listUpdatedBy: string | null;
  @Column(instant()) createdAt: Date;
  @Column(instant()) updatedAt: Date;
}
