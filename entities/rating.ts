import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { instant, localDate, str, text } from './columns';

/**
 * One 好差评 rating as exported by the 好差评 system (REV-01): per case, window and staff member. `ratingKey` is
 * the export's 评价编号, or a hash of 办件号 + time + staff + level when the export has none (D95), so importing
 * the same file again writes nothing.
 */
@Entity('rating')
@Index('uq_rating_key', ['ratingKey'], { unique: true })
@Index('ix_rating_dept_date', ['departmentCode', 'ratedDate'])
export class Rating {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number;
  @Column(str(64)) ratingKey: string;
  @Column(instant()) ratedAt: Date;
  @Column(localDate()) ratedDate: string;
  /** The platform's 办件编号, as exported. */
  @Column(str(40, true)) caseRef: string | null;
  @Column(str(128, true)) itemName: string | null;
  @Column(str(16)) departmentCode: string;
  @Column(str(16, true)) windowNumber: string | null;
  @Column(str(64, true)) staffUserid: string | null;
  @Column(str(32, true)) staffName: string | null;
  /** 非常满意 / 满意 / 基本满意 / 不满意 / 非常不满意. */
  @Column(str(8)) level: string;
  /** 评价器 / 网上 / 短信 / 二维码 … as exported. */
  @Column(str(16, true)) channel: string | null;
  @Column(text(true)) comment: string | null;
  /** The 差评 record (CP…) a 不满意/非常不满意 rating became (REV-02). */
  @Column(str(16, true)) reviewNo: string | null;
  @Column(str(64)) importedBy: string;
  @Column(instant()) importedAt: Date;
}
