import { Column, Entity, PrimaryColumn } from 'typeorm';
import { int, json, localDate, str, pk } from './columns';

/** DIR-06 status values; 停办 is a business attribute, not a window status (D19). */
export const WINDOW_STATUSES = ['在用', '临时关闭', '备用', '季节性'] as const;
export type WindowStatus = (typeof WINDOW_STATUSES)[number];

/**
 * 窗口类型 (D172): the 综合一窗 types of DIR-07 (002 运行规范 第五条) and the 咨询导办区, then 分领域综合窗口
 * (DIR-14), 专项 (a department's own window), 季节性 and 固定时间 (WIN-10).
 */
export const WINDOW_KINDS = [
  '综合受理',
  '统一出件',
  '蒙速办·一次办',
  '蒙速办·帮您办',
  '异地通办',
  '工程建设项目审批',
  '咨询导办区',
  '分领域综合',
  '专项',
  '季节性',
  '固定时间',
] as const;
export type WindowKind = (typeof WINDOW_KINDS)[number];

/** 无差别综合窗口 for DIR-14 (OPEN #9): the 综合一窗 types that take any matter, not the 导办区. */
export const UNIFIED_KINDS: readonly WindowKind[] = WINDOW_KINDS.slice(0, 6);

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
