import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { instant, int, str, text } from './columns';

/**
 * 差评 `CP<年>-<4位>` (REV-02, REV-03): a 不满意/非常不满意 rating, entered into the 差评台账 and the complaint
 * triage list (channel 好差评, D4), and put right by a rectification order (`差评 整改`). `peakRef` links it to
 * the department's approved peak or suspension it fell in (SUS-10).
 */
@Entity('bad_review')
@Index('uq_bad_review_no', ['no'], { unique: true })
@Index('uq_bad_review_rating', ['ratingKey'], { unique: true })
@Index('ix_bad_review_dept', ['departmentCode', 'ratedAt'])
export class BadReview {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number;
  @Column(str(16)) no: string;
  @Column(str(64)) ratingKey: string;
  @Column(instant()) ratedAt: Date;
  @Column(str(16)) departmentCode: string;
  @Column(str(16, true)) windowNumber: string | null;
  @Column(str(64, true)) staffUserid: string | null;
  @Column(str(32, true)) staffName: string | null;
  @Column(str(8)) level: string;
  @Column(text(true)) comment: string | null;
  @Column(str(40, true)) caseRef: string | null;
  /** The 待登记 triage row (complaint_intake). */
  @Column(int(true)) intakeId: number | null;
  /** 待整改 until `差评 整改` issues its ZG order. */
  @Column(str(8)) status: '待整改' | '已下达';
  @Column(str(16, true)) rectificationNo: string | null;
  /** GF…/TB… of an approved peak or suspension of the department on the rating's day (SUS-10). */
  @Column(str(32, true)) peakRef: string | null;
  @Column(instant()) createdAt: Date;
}
