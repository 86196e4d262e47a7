import { Column, Entity, PrimaryColumn } from 'typeorm';
import { bool, json, str, pk } from './columns';

/**
 * A notification group (conventions (docs/architecture.md)): an app chat (`chatid`) or a robot webhook stored whole (D10).
 * `members` is used to create the app chat and for the D11 fallback (fewer than 2 members → DMs).
 */
@Entity('group_chat')
export class GroupChat {
  @PrimaryColumn(pk(64)) key: string;
  @Column(str(64)) name: string;
  @Column(str(64, true)) chatid: string | null;
  @Column(str(512, true)) webhook: string | null;
  @Column(json(true)) members: string[] | null;
  /** The app chat exists on WeCom (created with appchat/create or confirmed). */
  @Column(bool()) created: boolean;
}
