import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { bool, instant, int, json, str, text } from './columns';

/** 固定时间、季节性业务窗口年度使用计划 (WIN-10; 000 调整管理 二(三)), one per department and year. */
@Entity('seasonal_plan')
@Index('uq_seasonal_plan', ['departmentCode', 'year'], { unique: true })
export class SeasonalPlan {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number;
  @Column(str(16)) departmentCode: string;
  @Column(int()) year: number;
  @Column(json()) windows: string[];
  /** 开放时段 per window, as typed (e.g. `14号窗 4月1日-10月31日`). */
  @Column(text()) periods: string;
  @Column(str(64, true)) contact: string | null;
  @Column(text(true)) note: string | null;
  @Column(instant()) filedAt: Date;
  /** Filed after 3月1日 (D31: accepted with a SOFT warning + WIN-13 event). */
  @Column(bool()) late: boolean;
  @Column(text(true)) lateReason: string | null;
  @Column(str(16, true)) deductionNo: string | null;
  @Column(str(64)) createdBy: string;
}
