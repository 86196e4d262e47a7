import { Column, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { instant, int, json, str, text } from './columns';

/** One step of an approval chain: who may decide, and what was decided (with the card's task id). */
@Entity('approval_step')
@Unique('uq_approval_step', ['approvalId', 'idx'])
export class ApprovalStep {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number;
  @Column(int()) approvalId: number;
  @Column(int()) idx: number;
  /** Chinese label of the step, e.g. 首席代表签字 / 大厅管理室审核. */
  @Column(str(48)) label: string;
  /** Everyone who may decide (any one of them: first click wins). */
  @Column(json()) approvers: string[];
  @Column(str(12)) status: 'waiting' | 'pending' | 'approved' | 'rejected' | 'skipped' | 'withdrawn';
  @Column(str(64, true)) decidedBy: string | null;
  /** Set when the decider acted as a delegate (DIR-02 代理人): the principal's userid. */
  @Column(str(64, true)) onBehalfOf: string | null;
  @Column(instant(true)) decidedAt: Date | null;
  @Column(text(true)) reason: string | null;
  /** template_card task_id (unique forever per app, WeCom doc 90236). */
  @Column(str(128, true)) taskId: string | null;
  @Column(instant(true)) activatedAt: Date | null;
  /** How many reminders were sent for this step (D17). */
  @Column({ ...int(), default: 0 }) reminders: number;
  @Column(json(true)) extra: Record<string, unknown> | null;
}
