import { Column, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { instant, int, str, text } from './columns';

/**
 * 年度等次 (PRF-13/15): the center's annual grade of one stationed staff member, one per person per year; the
 * department's 首席代表 is told in writing (a DM that quotes the grade and its basis).
 */
@Entity('staff_grade')
@Unique('uq_staff_grade', ['year', 'personUserid'])
export class StaffGrade {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number;
  @Column(int()) year: number;
  @Column(str(64)) personUserid: string;
  @Column(str(16, true)) departmentCode: string | null;
  @Column(str(8)) grade: string;
  @Column(text(true)) note: string | null;
  @Column(str(64)) gradedBy: string;
  @Column(instant()) gradedAt: Date;
}
