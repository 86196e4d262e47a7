import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { instant, json, str, text } from './columns';

/**
 * One event of a 办件 as typed in chat or imported (CAS-02 mirror, CAS-14 流转单 timestamps): 收件, 补正,
 * 补齐, 受理, 中止, 恢复, 延期, 会商, 办结, 出件, 不予受理, 撤回, 并联, 交接… Append-only; the 流转单 and
 * 办件 查看 read their history from here.
 */
@Entity('case_event')
@Index('ix_case_event_case', ['caseNo', 'at'])
export class CaseEvent {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number;
  @Column(str(16)) caseNo: string;
  @Column(str(16)) action: string;
  /** Human-readable line shown in 办件 查看 (reason, new deadline, note…). */
  @Column(text(true)) note: string | null;
  /** Structured details of the event (e.g. the 补正 items, the handover receiver). */
  @Column(json(true)) detail: Record<string, unknown> | null;
  @Column(str(64)) by: string;
  @Column(instant()) at: Date;
}
