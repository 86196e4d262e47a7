import { Column, Entity, PrimaryColumn } from 'typeorm';
import { instant, str, pk } from './columns';

/** The record a user's next photo/file belongs to (D6): set by a command, valid 10 minutes. */
@Entity('attachment_slot')
export class AttachmentSlot {
  @PrimaryColumn(pk(64)) userid: string;
  @Column(str(32)) ownerType: string;
  @Column(str(64)) ownerId: string;
  @Column(str(32)) purpose: string;
  @Column(instant()) expiresAt: Date;
}
