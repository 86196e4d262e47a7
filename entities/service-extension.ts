import { Column, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { instant, int, localDate, str } from './columns';

/**
 * A 延时服务 log (SUS-05, CAS-17; 000 高峰停办 二(一)7, 000 窗口工作 四(四)): a window served past closing until
 * `endTime`, `served` people. One per window and day (a second `延时 登记` corrects it); it makes a sign-out
 * after 19:30 valid (ATT-01, OPEN #33) and the cases domain reads it for CAS-17.
 */
@Entity('service_extension')
@Unique('uq_service_extension', ['date', 'windowNumber'])
@Index('ix_service_extension_dept', ['departmentCode', 'date'])
export class ServiceExtension {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number;
  @Column(localDate()) date: string;
  @Column(str(16)) windowNumber: string;
  @Column(str(16, true)) departmentCode: string | null;
  /** `HH:MM`, after the day's 17:30 closing. */
  @Column(str(5)) endTime: string;
  @Column(int()) served: number;
  /** The 业务高峰工作预案 it belongs to (SUS-05 延时服务安排), if any. */
  @Column(str(24, true)) peakPlanNo: string | null;
  @Column(str(64)) recordedBy: string;
  @Column(instant()) createdAt: Date;
  @Column(instant()) updatedAt: Date;
}
