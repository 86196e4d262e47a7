import { Column, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { instant, int, json, str } from './columns';

/**
 * REC-02: every version of a 遗失物品登记表 row — the full record after the change, who made it and when.
 * Append-only; `记录 历史/更正` (docs/commands.md) read and extend it.
 */
@Entity('lost_item_version')
@Unique('uq_lost_item_version', ['no', 'version'])
export class LostItemVersion {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number;
  @Column(str(16)) no: string;
  @Column(int()) version: number;
  /** What changed: 登记, 通知, 公告, 认领, 签字, 注销, 销毁, 交派出所, 交公安, 更正. */
  @Column(str(16)) action: string;
  @Column(json()) snapshot: Record<string, unknown>;
  @Column(str(64)) changedBy: string;
  @Column(instant()) at: Date;
}
