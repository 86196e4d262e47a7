import { Column, Entity, PrimaryColumn } from 'typeorm';
import { int, json, localDate, str, pk } from './columns';

/** DIR-06 status values; 停办 is a business attribute, not a window status (D19). */
export const WINDOW_STATUSES = ['在用', '临时关闭', '备用', '季节性'] as const;
export type WindowStatus = (typeof WINDOW_STATUSES)[number];

/** A service window (DIR-06/07). */
@Entity('window')
export class HallWindow {
  @PrimaryColumn(pk(16)) number: string;
  @Column(str(64)) name: string;
  @Column(str(16, true)) departmentCode: string | null;
  @Column(str(16, true)) zone: string | null;
  @Column(int(true)) floor: number | null;
  /** 窗口类型 (DIR-07) or 专项 / 季节性 / 固定时间. */
  @Column(str(32, true)) kind: string | null;
  @Column(str(8)) status: WindowStatus;
  /** For 临时关闭: the last closed day. */
  @Column(localDate(true)) statusUntil: string | null;
  @Column(json(true)) devices: string[] | null;
}
