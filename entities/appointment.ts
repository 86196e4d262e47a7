import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { bool, instant, localDate, str, text } from './columns';

/**
 * 预约服务 (CAS-17; 000 窗口工作 四(四); 002 运行规范 第七条): one appointment on a 周一至周六 morning, or on a
 * 公休日 by prior agreement; several departments → 大厅管理室 coordinates.
 */
@Entity('appointment')
@Index('ix_appointment_date', ['date'])
export class Appointment {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number;
  @Column(localDate()) date: string;
  @Column(str(5)) time: string;
  @Column(str(64)) item: string;
  /** 申请人 (personal data, masked per D18). */
  @Column(str(64)) applicant: string;
  @Column(str(32, true)) phone: string | null;
  /** Department codes, comma separated (the registrar's own department when none given). */
  @Column(str(64)) departments: string;
  /** A 公休日 appointment by agreement (CAS-17). */
  @Column(bool()) restDay: boolean;
  /** 大厅管理室 when several departments are involved. */
  @Column(str(16, true)) coordinator: string | null;
  @Column(text(true)) note: string | null;
  /** 已预约 · 已取消. */
  @Column(str(8)) status: string;
  @Column(str(64)) createdBy: string;
  @Column(instant()) createdAt: Date;
}
