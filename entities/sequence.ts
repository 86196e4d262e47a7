import { Column, Entity, PrimaryColumn } from 'typeorm';
import { int, pk } from './columns';

/** Yearly record-number counters (docs/commands.md): name like `TS-2026`, `GB-2026-GA`, `督通-2026`. */
@Entity('sequence')
export class SequenceRow {
  @PrimaryColumn(pk(64)) name: string;
  @Column(int()) value: number;
}
