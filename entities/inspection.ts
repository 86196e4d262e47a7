import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { bool, instant, json, localDate, str, text } from './columns';

/** One participant of an inspection round (INS-02: 大厅管理室, 首席代表, 先进个人代表…). */
export interface InspectionParticipant {
  userid: string | null;
  name: string;
}

/**
 * 巡查记录 `XC<年>-<4位>` (INS-01…INS-06, INS-12): one inspection round with its type, participants, area and
 * time. `joint` / `leaderLed` carry the monthly quotas (INS-02, INS-03): a 领导 round combined with a 联合 one
 * counts for both when the OPEN #56 setting says so.
 */
@Entity('inspection')
@Index('uq_inspection_no', ['no'], { unique: true })
@Index('ix_inspection_date', ['date', 'type'])
export class Inspection {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number;
  @Column(str(16)) no: string;
  @Column(localDate()) date: string;
  /** 日常 / 联合 / 领导 / 自查 / 监控 / 暗访 / 平台 / 好差评 (INS-06, INS-12). */
  @Column(str(8)) type: string;
  @Column(bool()) joint: boolean;
  @Column(bool()) leaderLed: boolean;
  @Column(str(64, true)) leaderUserid: string | null;
  /** 前台 / 后台 / 公共 (INS-04), possibly several. */
  @Column(str(32, true)) area: string | null;
  /** Floors 1–3 (INS-04), e.g. `1` or `1-3`. */
  @Column(str(8, true)) floor: string | null;
  /** 现场 / 监控 / 抽查 … (INS-06 方式). */
  @Column(str(32, true)) method: string | null;
  @Column(json()) participants: InspectionParticipant[];
  /** The department of a 自查 round. */
  @Column(str(16, true)) departmentCode: string | null;
  /** 进行中 / 已结束. */
  @Column(str(8)) status: string;
  @Column(instant()) startedAt: Date;
  @Column(instant(true)) endedAt: Date | null;
  @Column(str(64)) createdBy: string;
  @Column(text(true)) note: string | null;
}
