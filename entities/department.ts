import { Column, Entity, PrimaryColumn } from 'typeorm';
import { bool, str, pk } from './columns';

/** 进驻部门 (DIR-01): all filings, deductions and notices key on its code. */
@Entity('department')
export class Department {
  @PrimaryColumn(pk(16)) code: string;
  @Column(str(64)) name: string;
  /** 派驻部门 (parent unit), e.g. 旗公安局's 上级. */
  @Column(str(64, true)) parentUnit: string | null;
  /** The one active 首席代表 (DIR-02). */
  @Column(str(64, true)) chiefRep: string | null;
  /** The department's own 分管领导 (D19 `deptLeader`), outside the center. */
  @Column(str(32, true)) deptLeaderName: string | null;
  @Column(str(32, true)) deptLeaderPhone: string | null;
  @Column(str(64, true)) deptLeaderUserid: string | null;
  @Column(str(32, true)) contactName: string | null;
  @Column(str(32, true)) contactPhone: string | null;
  @Column(bool()) inactive: boolean;
}
