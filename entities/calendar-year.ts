import { Column, Entity, PrimaryColumn } from 'typeorm';
import { instant, str } from './columns';

/**
 * A year whose calendar is confirmed beyond the holiday package (D13): by `calendar import` or by
 * `日历 确认 <年>`. Confirmed coverage = package years ∪ these rows.
 */
@Entity('calendar_year')
export class CalendarYear {
  @PrimaryColumn({ type: 'integer' }) year: number;
  /** `import` (file) or `chat` (日历 确认). */
  @Column(str(16)) source: string;
  @Column(str(64)) confirmedBy: string;
  @Column(instant()) confirmedAt: Date;
}
