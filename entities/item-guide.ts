import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { instant, localDate, str } from './columns';

/**
 * One version of an item's 审查要点 / 办事指南 / 答疑手册 (ITM-07; 003 措施4, 措施7): versions are kept, never
 * overwritten; the newest date decides whether the item's 要点 are stale (OPEN #41).
 */
@Entity('item_guide')
@Index('uq_item_guide_version', ['itemCode', 'kind', 'version'], { unique: true })
export class ItemGuide {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number;
  @Column(str(64)) itemCode: string;
  /** 审查要点 / 办事指南 / 答疑手册. */
  @Column(str(8)) kind: string;
  @Column(str(16)) version: string;
  @Column(localDate()) versionDate: string;
  @Column(str(64)) filedBy: string;
  @Column(instant()) createdAt: Date;
}
