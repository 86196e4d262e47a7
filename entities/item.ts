import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { bool, instant, int, json, str, text } from './columns';

export const ITEM_STATUSES = ['在用', '已取消'] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];

/**
 * 政务服务事项 (ITM-01/05/06/08/09): one entry of the center's item list. 涉密 items are never stored
 * (ITM-01, REC-05). The ten published elements of ITM-05 (000 一次性告知 第三条(三)) are the columns marked
 * ①–⑩; 事项编码 and 收费标准 are the optional extras of 001 第六条.
 */
@Entity('item')
@Index('uq_item_code', ['code'], { unique: true })
@Index('ix_item_department', ['departmentCode', 'status'])
export class ServiceItem {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number;
  /** 事项编码 (the platform's code; the key every import and command uses). */
  @Column(str(64)) code: string;
  /** ① 政务服务事项 (名称). */
  @Column(str(128)) name: string;
  /** 实施部门 (department code, DIR-01). */
  @Column(str(16)) departmentCode: string;
  /** ② 设定依据 · ③ 受理条件 · ④ 申请材料 · ⑤ 办理流程. */
  @Column(text(true)) basis: string | null;
  @Column(text(true)) conditions: string | null;
  @Column(json(true)) materials: string[] | null;
  @Column(text(true)) process: string | null;
  /** 法定时限 and ⑥ 承诺时限, in WD (ITM-06); null = not set. A case cannot start its clock without 承诺时限 (ITM-05). */
  @Column(int(true)) legalLimitWd: number | null;
  @Column(int(true)) promisedLimitWd: number | null;
  /** 依据 of the limits (ITM-06: "by analogy with similar items" when law sets none). */
  @Column(text(true)) limitBasis: string | null;
  /** ⑦ 办理地点 · ⑧ 办理时间 · ⑨ 咨询电话 · ⑩ 监督电话. */
  @Column(str(128, true)) place: string | null;
  @Column(str(64, true)) hours: string | null;
  @Column(str(32, true)) consultPhone: string | null;
  @Column(str(32, true)) supervisePhone: string | null;
  /** The window that usually handles it (shown by 事项 查看). */
  @Column(str(16, true)) windowNumber: string | null;
  /** 收费标准 (001 第六条, optional). */
  @Column(text(true)) fees: string | null;
  /** 即办件 (ITM-06, CAS-01): done on the spot, due 17:30 the same day. */
  @Column(bool()) instant: boolean;
  /** Runs through 综合一窗 (ITM-08). */
  @Column(bool()) inZongchuang: boolean;
  /** 全程网办 (ITM-09, counted against the 85 % target). */
  @Column(bool()) fullyOnline: boolean;
  /** 审批人员 (ITM-03): userids or names as filed. */
  @Column(json(true)) approvers: string[] | null;
  @Column(str(8)) status: ItemStatus;
  @Column(instant()) createdAt: Date;
  @Column(instant()) updatedAt: Date;
  @Column(str(64)) updatedBy: string;
}
