import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { bool, instant, int, localDate, str, text } from './columns';

/** 003 quarterly progress report of a department to 旗政务服务局 (BRF-11, due the 10th of the quarter's last month). */
@Entity('progress_report')
@Index('ix_progress_report_quarter', ['year', 'quarter', 'departmentCode'])
export class ProgressReport {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number;
  @Column(int()) year: number;
  @Column(int()) quarter: number;
  @Column(str(16)) departmentCode: string;
  @Column(text()) note: string;
  @Column(localDate()) dueDate: string;
  @Column(bool()) late: boolean;
  @Column(str(64)) reportedBy: string;
  @Column(instant()) reportedAt: Date;
}
