import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { instant, json, localDate, str, text } from './columns';

/** One consultation/explanation person kept at the window during the suspension (SUS-08). */
export interface Consultant {
  name: string;
  phone: string;
  userid?: string;
}

/** 业务临时停办登记备案表 `TB<年>-<部门>-<3位>` (000 高峰停办 附件; SUS-01, SUS-06…SUS-08, SUS-10). */
@Entity('suspension')
@Index('uq_suspension_no', ['no'], { unique: true })
@Index('ix_suspension_dept', ['departmentCode', 'status'])
export class Suspension {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number;
  @Column(str(24)) no: string;
  @Column(str(16)) departmentCode: string;
  @Column(json()) windows: string[];
  @Column(localDate()) fromDate: string;
  @Column(localDate()) toDate: string;
  /** 业务临时停办事由及具体内容. */
  @Column(text()) reason: string;
  /** 证明文件文号 (SUS-06). */
  @Column(str(64, true)) docNo: string | null;
  @Column(json(true)) consultants: Consultant[] | null;
  @Column(str(32, true)) contactName: string | null;
  @Column(str(32, true)) contactPhone: string | null;
  /** 工作预案 (000 高峰停办 一: suspensions need a plan too). */
  @Column(text(true)) workPlan: string | null;
  @Column(text(true)) remark: string | null;
  @Column(str(12)) status: 'draft' | 'pending' | 'approved' | 'rejected' | 'withdrawn';
  @Column(str(16, true)) approvalNo: string | null;
  @Column(instant(true)) filedAt: Date | null;
  /** SUS-07: the department published and reported it (`停办 公告`). */
  @Column(instant(true)) publicityAt: Date | null;
  @Column(text(true)) publicityNote: string | null;
  /** SUS-07: 大厅管理室 informed the public and the guides (`停办 告知`). */
  @Column(instant(true)) notifiedAt: Date | null;
  @Column(str(16, true)) causeClass: string | null;
  @Column(text(true)) causeNote: string | null;
  @Column(str(64)) createdBy: string;
  @Column(instant()) createdAt: Date;
}
