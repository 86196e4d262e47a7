import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { instant, int, localDate, str, text } from './columns';

/** A dated 进度反馈 entry of a 整改 order (ACC-04 "定期反馈整改进度"; OPEN #13 weekly). */
@Entity('rectification_progress')
@Index('ix_rectification_progress_no', ['rectificationNo'])
export class RectificationProgress {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number;
  @Column(str(16)) rectificationNo: string;
  @Column(int()) seq: number;
  @Column(localDate()) date: string;
  @Column(instant()) at: Date;
  @Column(text()) text: string;
  @Column(str(64)) by: string;
}
