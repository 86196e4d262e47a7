import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { instant, str, text } from './columns';

/**
 * 申辩 (ACC-03; 000 全过程监督 第十二条 "举证解释和申诉申辩的权利", no time limit — D32): an appeal
 * against a finding, deduction, complaint outcome or 问效 record, decided by 大厅管理室 as 维持 / 不成立 / 澄清.
 */
@Entity('appeal')
@Index('ix_appeal_source', ['source'])
export class Appeal {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number;
  @Column(str(32)) source: string;
  @Column(str(16, true)) departmentCode: string | null;
  @Column(str(64)) by: string;
  @Column(text()) reason: string;
  @Column(instant()) at: Date;
  /** 待处理 / 维持 / 不成立 / 澄清. */
  @Column(str(8)) status: string;
  @Column(str(64, true)) decidedBy: string | null;
  @Column(instant(true)) decidedAt: Date | null;
  @Column(text(true)) note: string | null;
}
