import { Column, Entity, PrimaryColumn } from 'typeorm';
import { instant, pk, str } from './columns';

/** 休 = holiday, 班 = 调休 make-up working day, 闭馆 = hall-specific closure (not a WD). */
export const CALENDAR_DAY_KINDS = ['休', '班', '闭馆'] as const;
export type CalendarDayKind = (typeof CALENDAR_DAY_KINDS)[number];

/**
 * A hall override of one day (rule DIR-13): wins over the holiday package. Written by `日历 设置`
 * (source `chat`) or `calendar import` (source `import`).
 */
@Entity('calendar_day')
export class CalendarDay {
  @PrimaryColumn(pk(10)) date: string;
  @Column(str(8)) kind: CalendarDayKind;
  @Column(str(64, true)) note: string | null;
  @Column(str(16)) source: string;
  @Column(str(64)) updatedBy: string;
  @Column(instant()) updatedAt: Date;
}
