import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { instant, int, str, text } from './columns';

/**
 * 评优推荐 (PRF-16, DIR-03): a 首席代表's nomination of a staff member or window for a named award, decided by 大厅管理室
 * through the `award-nomination` approval kind. `status` 待审定 → 已授予 | 已驳回.
 */
@Entity('award_nomination')
@Index('ix_award_nomination_month', ['month'])
export class AwardNomination {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number;
  @Column(int()) year: number;
  /** YYYY-MM of the nomination (书面通报 section (4) lists a month's nominations and awards). */
  @Column(str(7)) month: string;
  /** The nominee: a staff member, or a window (红旗窗口 and the like go to a window, D187). */
  @Column(str(64, true)) personUserid: string | null;
  @Column(str(16, true)) windowNumber: string | null;
  @Column(str(16, true)) departmentCode: string | null;
  @Column(str(16)) award: string;
  @Column(text()) reason: string;
  @Column(str(64)) nominatedBy: string;
  @Column(str(32, true)) approvalNo: string | null;
  @Column(str(8)) status: '待审定' | '已授予' | '已驳回';
  @Column(instant(true)) decidedAt: Date | null;
  @Column(instant()) createdAt: Date;
}
