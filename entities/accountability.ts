import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { instant, str, text } from './columns';

/**
 * 问效 record `WX<年>-<3位>` (ACC-01, ACC-06, INS-08): a measure (限期整改, 诫勉谈话, 通报批评, 书面检查,
 * 取消评优, 调离岗位 or 其他 — the seed's list is open, "等") or an event such as 阻碍巡查, linked to its source.
 */
@Entity('accountability')
@Index('uq_accountability_no', ['no'], { unique: true })
@Index('ix_accountability_source', ['source'])
export class Accountability {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number;
  @Column(str(16)) no: string;
  /** 问效措施 / 阻碍巡查. */
  @Column(str(8)) event: string;
  @Column(str(8, true)) measure: string | null;
  /** person / department. */
  @Column(str(12)) subjectType: string;
  @Column(str(64)) subjectId: string;
  @Column(str(16, true)) departmentCode: string | null;
  @Column(str(32, true)) source: string | null;
  @Column(text(true)) note: string | null;
  /** 有效 / 不成立 / 澄清 (ACC-03, ACC-07). */
  @Column(str(8)) status: string;
  @Column(str(64)) createdBy: string;
  @Column(instant()) createdAt: Date;
  @Column(text(true)) outcomeNote: string | null;
  @Column(str(64, true)) outcomeBy: string | null;
  @Column(instant(true)) outcomeAt: Date | null;
}
