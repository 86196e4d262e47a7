import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { instant, json, str, text } from './columns';

/** One completed step of a 帮您办 project (CAS-21): when, who, a note, attachment ids (授权委托书, 承诺书…). */
export interface HelpdeskStep {
  step: string;
  at: string;
  by: string;
  note: string | null;
  attachments: number[];
}

/**
 * 帮您办 项目登记 `BB<年>-<3位>` (CAS-21; 002 运行规范 第二十七、二十八条): a key project served free of charge
 * (无偿), its eligibility category, the 专人, the steps in order and, when it ends early, the 《终止单》.
 */
@Entity('helpdesk_project')
@Index('uq_helpdesk_project_no', ['no'], { unique: true })
export class HelpdeskProject {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number;
  @Column(str(16)) no: string;
  /** 项目基本情况. */
  @Column(str(128)) project: string;
  /** 重点投资 / 招商引资 / 科技创新 / 国家鼓励 (required, 002 第二十七条). */
  @Column(str(8)) category: string;
  @Column(str(64, true)) applicant: string | null;
  @Column(str(64, true)) assignee: string | null;
  @Column(json()) steps: HelpdeskStep[];
  /** 办理中 · 已完成 · 已终止. */
  @Column(str(8)) status: string;
  @Column(text(true)) terminationReason: string | null;
  @Column(str(64)) createdBy: string;
  @Column(instant()) createdAt: Date;
}
