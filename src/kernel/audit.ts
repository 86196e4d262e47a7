import type { EntityManager } from 'typeorm';
import { AuditLog } from '../../entities/audit-log';
import { insertRows } from '../db';

/** Append one audit row (REC-02): every state change writes one, in the same transaction as the change. */
export async function writeAudit(
  m: EntityManager,
  at: Date,
  actor: string,
  action: string,
  subjectType: string,
  subjectId: string,
  detail: Record<string, unknown> | null = null,
): Promise<void> {
  await insertRows(m, AuditLog, { at, actor, action, subjectType, subjectId, detail });
}
