import { Column, Entity, PrimaryColumn } from 'typeorm';
import { pk, text } from './columns';

/**
 * What this database is (D35): `mode` = `real` | `sandbox`, written on the first start and never changed;
 * a sandbox database's random keys (`sandbox.token`, `sandbox.aesKey`, `sandbox.secret`) and the H5 session
 * secret (`h5.sessionSecret`) when SESSION_SECRET is not set. Read by src/instance.ts only.
 */
@Entity('instance_meta')
export class InstanceMeta {
  @PrimaryColumn(pk(64)) name: string;
  @Column(text()) value: string;
}
