import { Column, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { bool, instant, int, str } from './columns';

/**
 * One 暂离 (ATT-03 window staff; ATT-04 guides). Staff start at once (暂停服务牌 + 评价器 停止服务); a guide's
 * request waits for the replacement's confirm and the 区域领导's approval before the clock starts.
 */
@Entity('short_absence')
@Unique('uq_short_absence_no', ['no'])
@Index('ix_short_absence_status', ['status'])
export class ShortAbsence {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number;
  /** `ZL2026-0001`: the number the confirm:/approve: buttons carry. */
  @Column(str(16)) no: string;
  @Column(str(64)) userid: string;
  /** 窗口 (ATT-03) or 导服 (ATT-04). */
  @Column(str(4)) kind: string;
  @Column(str(128, true)) reason: string | null;
  /** ATT-04: the guide who takes over the post. */
  @Column(str(64, true)) replacement: string | null;
  /** The limit in minutes (15 staff, ≤10 guides). */
  @Column(int()) minutes: number;
  /** 待接替确认 / 待区域审批 / 暂离中 / 已回岗 / 已驳回 / 已撤回. */
  @Column(str(8)) status: string;
  @Column(instant()) requestedAt: Date;
  @Column(instant(true)) startedAt: Date | null;
  @Column(instant(true)) endedAt: Date | null;
  /** OPEN #34: stayed away beyond the limit (超时离岗). */
  @Column(bool()) overtime: boolean;
  @Column(str(16, true)) approvalNo: string | null;
}
