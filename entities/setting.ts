import { Column, Entity, PrimaryColumn } from 'typeorm';
import { instant, json, pk, str } from './columns';

/** An admin's override of a declared setting (src/settings/table.ts holds the names and defaults). */
@Entity('setting')
export class SettingRow {
  @PrimaryColumn(pk(64)) name: string;
  @Column(json()) value: unknown;
  @Column(str(64)) updatedBy: string;
  @Column(instant()) updatedAt: Date;
}
