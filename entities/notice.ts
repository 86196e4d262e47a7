import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { instant, int, json, localDate, str, text } from './columns';

/** 口头 / 约谈 / 书面 / 其他 (BRF-10 types). */
export type NoticeType = '口头' | '约谈' | '书面' | '其他';
export type NoticeStatus = '待审定' | '已批准' | '已发布' | '已驳回' | '草稿';

/**
 * A 督查通报 (BRF-01…BRF-10): the daily 口头通报, a 约谈 record, the monthly 书面通报 or a BRF-09 notice to a
 * 派驻部门. The number `督通〔YYYY〕N号` (D41; stored as `督通〔YYYY〕NNN` before it) comes from one yearly sequence
 * and is set only at release, never reused (BRF-10, OPEN #22); before that the notice is referred to by its SP
 * approval number.
 * `periodKey` makes each notice unique (`口头:2026-03-03`, `书面:2026-02`, `约谈:7`, `其他:SP2026-00072`).
 */
@Entity('notice')
@Index('uq_notice_period', ['periodKey'], { unique: true })
@Index('uq_notice_no', ['no'], { unique: true })
@Index('ix_notice_year', ['year', 'type'])
export class Notice {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number;
  @Column(str(48)) periodKey: string;
  /** `督通〔2026〕41号` (released before D41: `督通〔2026〕041`), null until released. */
  @Column(str(32, true)) no: string | null;
  @Column(int(true)) year: number | null;
  @Column(int(true)) seq: number | null;
  @Column(str(4)) type: NoticeType;
  @Column(str(128)) title: string;
  /** 口头: the briefing day; others: the release day once released. */
  @Column(localDate(true)) forDate: string | null;
  /** 书面 / 约谈: the month reported on (`YYYY-MM`). */
  @Column(str(7, true)) month: string | null;
  @Column(localDate(true)) coversFrom: string | null;
  @Column(localDate(true)) coversTo: string | null;
  @Column(str(16, true)) departmentCode: string | null;
  @Column(str(8)) status: NoticeStatus;
  /** The current (or last) SP approval. */
  @Column(str(16, true)) approvalNo: string | null;
  /** Structured content (oral selection and lines, written sections per department). */
  @Column(json()) content: Record<string, unknown>;
  /** The rendered text as approved / published. */
  @Column(text()) text: string;
  @Column(int()) criticism: number;
  @Column(int()) praise: number;
  @Column(str(64)) drafter: string;
  @Column(str(64, true)) approver: string | null;
  @Column(instant(true)) approvedAt: Date | null;
  @Column(instant(true)) publishedAt: Date | null;
  /** 发布范围 (G-HALL, G-LEAD + G-DEPT-*, …). */
  @Column(str(128, true)) scope: string | null;
  @Column(instant()) createdAt: Date;
}
