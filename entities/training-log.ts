import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { instant, int, localDate, str } from './columns';

/** 培训台账 (STF-03, STF-11): one training session, counted per week for the 综合服务窗口. */
@Entity('training_log')
@Index('ix_training_log_date', ['date'])
export class TrainingLog {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number;
  @Column(localDate()) date: string;
  @Column(str(128)) topic: string;
  @Column(int()) headcount: number;
  /** 综窗 / 部门. */
  @Column(str(4)) audience: string;
  /** 业务 / 标准化. */
  @Column(str(4)) type: string;
  @Column(str(64)) organizer: string;
  @Column(instant()) createdAt: Date;
}
