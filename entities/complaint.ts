import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { bool, instant, int, json, localDate, str, text } from './columns';

/**
 * 投诉登记表 (the rulebook's §2 (docs/rules.md) form, OPEN #14) — one row per valid complaint or 信访举报 (CMP-07, CMP-20). The
 * complainant's identity lives only here (REC-01/07): audit rows, cards and summaries never copy it.
 * History is the append-only audit_log on subject `complaint` / `TS…` (REC-02).
 */
@Entity('complaint')
@Index('uq_complaint_no', ['no'], { unique: true })
@Index('ix_complaint_dept', ['departmentCode', 'receivedDate'])
@Index('ix_complaint_status', ['status'])
export class Complaint {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number;
  /** TS<年>-<4位> (docs/commands.md). */
  @Column(str(16)) no: string;
  /** 投诉 or 信访举报 (CMP-20). */
  @Column(str(8)) type: string;
  /** 投诉时间 (form field 2). */
  @Column(instant()) receivedAt: Date;
  @Column(localDate()) receivedDate: string;
  /** 投诉方式 (field 3, CMP-02 enum): one 台账 sheet per value. */
  @Column(str(16)) channel: string;
  @Column(str(32, true)) complainantName: string | null;
  @Column(str(32, true)) complainantPhone: string | null;
  @Column(str(128, true)) complainantAddress: string | null;
  /** 是否要求保密 (field 7; 000 投诉处理 四(一)). */
  @Column(bool()) confidential: boolean;
  /** 被投诉对象 (field 8): a department (+ window + staff), or a guide/provider person without one (seed L231). */
  @Column(str(16, true)) departmentCode: string | null;
  @Column(str(8, true)) windowNumber: string | null;
  @Column(str(64, true)) staffUserid: string | null;
  /** Free-text respondent label (e.g. "导服人员 小高") for the ledger. */
  @Column(str(64)) respondentLabel: string;
  @Column(text()) matter: string;
  @Column(text(true)) cause: string | null;
  @Column(text(true)) demand: string | null;
  /** 类别 (field 12, CMP-01). */
  @Column(str(8)) category: string;
  /** 性质 (field 13): 意见建议类 / 一般 / 情节较重、影响较大 / 重大. */
  @Column(str(16)) nature: string;
  /** Platform reply date (CMP-08; any platform channel, seed L247). */
  @Column(localDate(true)) platformDue: string | null;
  /** 12345 工单号 / 差评号 CP… (REC-03 archive items). */
  @Column(str(32, true)) platformRef: string | null;
  /** See COMPLAINT_STATUSES in src/domain/complaints/model.ts. */
  @Column(str(8)) status: string;
  /** 处理方式 (field 17): 现场协调 / 转交办理 / 协同办理 / 意见建议. */
  @Column(str(8, true)) handlingMode: string | null;
  /** Referral tier is 情节较重 (CMP-12, 10 WD + approvals). */
  @Column(bool()) serious: boolean;
  @Column(text(true)) opinion: string | null;
  @Column(text(true)) recordComplainant: string | null;
  @Column(text(true)) recordRespondent: string | null;
  /** Re-referral round (CMP-16): 1 for the first. */
  @Column(int()) round: number;
  @Column(instant(true)) processedAt: Date | null;
  @Column(instant(true)) repliedAt: Date | null;
  @Column(str(16, true)) replyMethod: string | null;
  /** 满意 / 基本满意 / 不满意. */
  @Column(str(8, true)) satisfaction: string | null;
  @Column(text(true)) dissatisfiedReason: string | null;
  @Column(text(true)) suggestion: string | null;
  /** A reply after the 2 WD (or 5/15 WD, platform) limit: recorded with this flag, not refused (D31). */
  @Column(bool()) replyOverdue: boolean;
  /** Some clock of this complaint ran past due (set by the job or a late close) — monthly stats (BRF-01/04). */
  @Column(bool()) overdue: boolean;
  /** 结果 (field 23). */
  @Column(str(8, true)) outcome: string | null;
  /** 结果运用 (field 24): KF numbers, 评优, 移交, 澄清. */
  @Column(json(true)) outcomeUse: string[] | null;
  @Column(bool()) malicious: boolean;
  /** 终结 reason code / 转介 body / 撤销 confirmation. */
  @Column(str(16, true)) closeReason: string | null;
  @Column(text(true)) closeNote: string | null;
  /** 经办人 (field 25). */
  @Column(str(64)) handler: string;
  @Column(int(true)) intakeId: number | null;
  @Column(str(20, true)) approvalNo: string | null;
  @Column(localDate(true)) archivedDate: string | null;
  @Column(instant()) createdAt: Date;
  @Column(instant()) updatedAt: Date;
  @Column(int()) version: number;
}
