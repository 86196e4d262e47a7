import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { instant, json, localDate, str, text } from './columns';

/**
 * 设备任务 `RW<年>-<4位>` (DIR-04): an electronic-info task for 大厅管理室 — 窗口信息, 调屏, 评价器, 叫号机 —
 * created by an approved window change (WIN-02) or closure/reopen (WIN-06, WIN-07), ticked with `任务 完成`.
 */
@Entity('device_task')
@Index('uq_device_task_no', ['no'], { unique: true })
@Index('ix_device_task_subject', ['subjectType', 'subjectId'])
export class DeviceTask {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number;
  @Column(str(16)) no: string;
  /** window-change / window-closure (other domains may add theirs). */
  @Column(str(32)) subjectType: string;
  @Column(str(32)) subjectId: string;
  @Column(json()) windows: string[];
  /** 窗口信息 / 调屏 / 评价器 / 叫号机 / 电子信息 (all three devices at once). */
  @Column(str(16)) item: string;
  /** What the change is for: 临时关闭 / 恢复 / 重启 / 收回 / 新增 / 调减. */
  @Column(str(8)) purpose: string;
  /** The day the change is to be made (WIN-06: a closure's first day, D38); null = at once. */
  @Column(localDate(true)) dueOn: string | null;
  @Column(str(8)) status: 'open' | 'done';
  @Column(str(64, true)) doneBy: string | null;
  @Column(instant(true)) doneAt: Date | null;
  @Column(text(true)) note: string | null;
  @Column(instant()) createdAt: Date;
}
