import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { instant, localDate, str, text } from './columns';

/** ATT-09 `报备 带小孩`: bringing a child in, reported beforehand to the 首席代表 and 大厅管理室. */
@Entity('child_report')
@Index('ix_child_report_date', ['date'])
export class ChildReport {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number;
  @Column(str(64)) userid: string;
  @Column(localDate()) date: string;
  @Column(text()) reason: string;
  @Column(instant()) createdAt: Date;
}
