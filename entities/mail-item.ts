import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { bool, instant, int, json, localDate, str, text } from './columns';

/** One hand-over of the mailed materials or certificate (MAIL-07): when, from whom, to whom. */
export interface MailHandover {
  at: string;
  from: string;
  to: string;
  window: string | null;
}

/**
 * 邮寄台账 entry `YJ<年>-<4位>` (000 政务专递; MAIL-01…07; the ten fields of the rulebook's §12 record,
 * OPEN #50): free EMS mail of a case's materials (寄入) or result (寄出).
 */
@Entity('mail_item')
@Index('uq_mail_item_no', ['no'], { unique: true })
@Index('ix_mail_item_case', ['caseNo'])
@Index('ix_mail_item_date', ['date'])
export class MailItem {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number;
  @Column(str(16)) no: string;
  /** 1 日期 (registered) · 2 方向 寄入 / 寄出. */
  @Column(localDate()) date: string;
  @Column(str(4)) direction: string;
  /** 3 办件编号 (AJ) and the platform number it was found by, if any · 事项. */
  @Column(str(16)) caseNo: string;
  @Column(str(64, true)) platformNo: string | null;
  @Column(str(128, true)) itemName: string | null;
  @Column(str(16, true)) departmentCode: string | null;
  /** 4 收件人（联系人）· 联系电话 · 地址 — required for 寄出 (MAIL-04); personal data (REC-07). */
  @Column(str(64, true)) contactName: string | null;
  @Column(str(32, true)) contactPhone: string | null;
  @Column(text(true)) address: string | null;
  /** 5 EMS 单号. */
  @Column(str(32, true)) emsNo: string | null;
  /** 6 寄件/接收窗口 · 经办人. */
  @Column(str(8, true)) windowNumber: string | null;
  @Column(str(64)) handler: string;
  /** MAIL-07 hand-over chain. */
  @Column(json()) handovers: MailHandover[];
  /** 7 快递存单 (attachment id); the entry closes only with it (MAIL-04). */
  @Column(int(true)) receiptAttachmentId: number | null;
  /** 8 免费范围判定: true at registration (a case is named, MAIL-02); a 不合规 spot check sets it false. */
  @Column(bool()) eligible: boolean;
  /** 9 短信告知时间 (002 运行规范 第十二条2). */
  @Column(instant(true)) smsAt: Date | null;
  @Column(instant(true)) sentAt: Date | null;
  /** 10 抽查结果 合规 / 不合规, its note, the 扣分事件 and the 补缴快递费 owed (MAIL-06). */
  @Column(str(4, true)) checkResult: string | null;
  @Column(text(true)) checkNote: string | null;
  @Column(str(64, true)) checkedBy: string | null;
  @Column(str(16, true)) deductionNo: string | null;
  @Column(int(true)) repayYuan: number | null;
  /** 已收 / 已转交 (寄入); 待寄出 / 待存单 / 已寄出 (寄出). */
  @Column(str(8)) status: string;
  @Column(instant()) createdAt: Date;
  @Column(instant()) updatedAt: Date;
}
