import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { bool, instant, localDate, str, text } from './columns';

/**
 * 咨询登记台账 row `ZX<年>-<5位>` (CAS-03, CAS-04, CAS-20, CAS-23): one question put to a first responder
 * (首问责任人), how it was routed, and its answer; or one request for a department expert at the 综窗 (CAS-20),
 * acknowledged by that department's 首席代表. The answer clock of an open question is a `deadline` row
 * (`consultation` / no / `consult:答复`).
 */
@Entity('consultation')
@Index('uq_consultation_no', ['no'], { unique: true })
@Index('ix_consultation_status', ['status'])
export class Consultation {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number;
  @Column(str(16)) no: string;
  /** 咨询 (a question, CAS-23) or 专家 (an expert request, CAS-20). */
  @Column(str(8)) kind: string;
  /** 现场 / 电话 / 来信 / 邮件 (000 首问负责 第三条). */
  @Column(str(8)) channel: string;
  @Column(text()) question: string;
  /** 本岗办理 / 中心内指引 / 中心外告知 (CAS-23); null for an expert request. */
  @Column(str(8, true)) outcome: string | null;
  /** 中心内指引: the window or person pointed to. */
  @Column(str(64, true)) guidedTo: string | null;
  /** 中心外告知: the competent unit and the exact place to go (CAS-23). */
  @Column(str(64, true)) unit: string | null;
  @Column(str(128, true)) address: string | null;
  /** How to reach the person for an answer or a returned call (personal data, masked per D18). */
  @Column(str(64, true)) contact: string | null;
  /** 首问责任人 (CAS-03): who logged it. */
  @Column(str(64)) firstResponder: string;
  @Column(str(16, true)) departmentCode: string | null;
  /** 已办结 · 待答复 · 已答复 (questions); 待响应 · 已响应 (expert requests). */
  @Column(str(8)) status: string;
  @Column(localDate(true)) answerDue: string | null;
  @Column(text(true)) answer: string | null;
  @Column(instant(true)) answeredAt: Date | null;
  @Column(str(64, true)) answeredBy: string | null;
  /** CAS-04: a missed call was returned (with an apology). */
  @Column(bool()) callback: boolean;
  /** CAS-20: the department asked for an expert, the window at which they are needed, the 首席代表's answer. */
  @Column(str(16, true)) expertDept: string | null;
  @Column(str(8, true)) expertWindow: string | null;
  @Column(instant(true)) ackAt: Date | null;
  @Column(str(64, true)) ackBy: string | null;
  @Column(instant()) createdAt: Date;
}
