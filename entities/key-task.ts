import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { instant, localDate, str, text } from './columns';

/** 督办任务 `DB<年>-<3位>` (ACC-02): a major matter or key task the center decided, with owner and due date. */
@Entity('key_task')
@Index('uq_key_task_no', ['no'], { unique: true })
export class KeyTask {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number;
  @Column(str(16)) no: string;
  @Column(text()) content: string;
  @Column(str(64)) owner: string;
  @Column(str(16, true)) departmentCode: string | null;
  @Column(localDate()) dueDate: string;
  /** 进行中 / 已完成. */
  @Column(str(8)) status: string;
  @Column(str(64)) createdBy: string;
  @Column(instant()) createdAt: Date;
  @Column(instant(true)) completedAt: Date | null;
  @Column(str(64, true)) completedBy: string | null;
}
