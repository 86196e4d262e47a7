import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { instant, str, text } from './columns';

/**
 * 巡查 反映 (INS-01: 蓝马甲 patrol their zones and report problems): a guide's report waiting in the
 * 大厅管理室 queue until it becomes a finding (`巡查 发现 … 反映=<#>`) or is closed as 无问题.
 */
@Entity('patrol_report')
@Index('ix_patrol_report_status', ['status'])
export class PatrolReport {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number;
  @Column(str(32)) area: string;
  @Column(text()) description: string;
  @Column(str(64)) reporter: string;
  @Column(instant()) at: Date;
  /** 待处理 / 已转发现 / 无问题. */
  @Column(str(8)) status: string;
  @Column(str(16, true)) findingNo: string | null;
  @Column(str(64, true)) handledBy: string | null;
  @Column(instant(true)) handledAt: Date | null;
  @Column(text(true)) note: string | null;
}
