import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { instant, int, str } from './columns';

/** A photo/file sent after a command that asked for one (D6), stored on disk under its sha256. */
@Entity('attachment')
@Index('ix_attachment_owner', ['ownerType', 'ownerId'])
export class Attachment {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number;
  @Column(str(32)) ownerType: string;
  @Column(str(64)) ownerId: string;
  /** What the record needed it for, e.g. 证明材料 / 书面材料 / 签章落实报告. */
  @Column(str(32)) purpose: string;
  @Column(str(64)) sha256: string;
  @Column(str(16)) mediaType: string;
  @Column(int()) size: number;
  @Column(str(64)) uploadedBy: string;
  @Column(instant()) at: Date;
}
