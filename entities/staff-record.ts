import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { instant, json, localDate, str, text } from './columns';

/** RG 入岗, LG 离岗, DG 顶岗 (D170). */
export const STAFF_KINDS = ['入岗', '离岗', '顶岗'] as const;
export type StaffKind = (typeof STAFF_KINDS)[number];

/** One 离岗交接 step as ticked (STF-08): who, when, the note typed. */
export interface HandoverTick {
  by: string;
  at: string;
  note: string | null;
}

/**
 * 人员进出记录 (D170): `RG` one stationing (进驻人员入岗审批表, 000 调整管理 附件3), `DG` one 顶岗 (STF-06), `LG`
 * one departure (附件4 离岗审批表 with its 交接 checklist a–f). Rows are never deleted: the RG row of a person
 * who has left is their staff record (DIR-08).
 */
@Entity('staff_record')
@Index('uq_staff_record_no', ['no'], { unique: true })
@Index('ix_staff_record_user', ['userid'])
export class StaffRecord {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number;
  @Column(str(24)) no: string;
  @Column(str(4)) kind: StaffKind;
  @Column(str(16)) departmentCode: string;
  /** The WeCom account; null for a newcomer until `入岗 到岗 … 账号=` (STF-05). */
  @Column(str(64, true)) userid: string | null;
  @Column(str(32)) name: string;
  @Column(str(16, true)) windowNumber: string | null;
  /** 身份证号 in full; shown only through maskIdNumber (D18) to those without the right to see it. */
  @Column(str(18, true)) idNumber: string | null;
  /** 人员身份 (OPEN #31). */
  @Column(str(16, true)) identity: string | null;
  /** 窗口类型 (附件3 row 13, DIR-07). */
  @Column(str(32, true)) windowKind: string | null;
  /** The other 附件3 rows (性别 民族 出生年月 政治面貌 学历 联系方式 毕业学校及专业 工作单位及职务 主要工作职责 服务事项). */
  @Column(json()) form: Record<string, string>;
  /** 入岗时间 / 顶岗 从. */
  @Column(localDate(true)) startDate: string | null;
  /** 离岗时间 / 顶岗 到; on an RG row the day the stationing ended. */
  @Column(localDate(true)) endDate: string | null;
  /** 顶岗: whom the cover stands in for; 离岗: the 接替人员. */
  @Column(str(64, true)) otherUserid: string | null;
  /** STF-01 reason code (1–5) and 离岗原因 / the 调整 reason. */
  @Column(str(2, true)) reasonCode: string | null;
  @Column(text(true)) reason: string | null;
  /** STF-03 override: why there is no training proof (then a 中心领导 step decides). */
  @Column(text(true)) noProofReason: string | null;
  /** draft → pending → approved → done (到岗 / 已离岗), or rejected / withdrawn. */
  @Column(str(12)) status: string;
  @Column(str(16, true)) approvalNo: string | null;
  /** 离岗交接 a–f (STF-08). */
  @Column(json(true)) handover: Record<string, HandoverTick> | null;
  @Column(instant(true)) confirmedAt: Date | null;
  @Column(instant(true)) doneAt: Date | null;
  @Column(str(64)) createdBy: string;
  @Column(instant()) createdAt: Date;
}
