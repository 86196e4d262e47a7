import type { ServiceCase } from '../../../entities/case';
import type { Ctx } from '../../kernel/ctx';
import { CASE_SUBJECT } from '../cases/clock-subject';
import { loadCase as loadAnyCase } from '../cases/store';
import { PREFIX as CASE_PREFIX } from '../cases/model';

// A 办件 typed in chat for the 流转单 (CAS-14): `AJ2026-01234`, `AJ1234` (this year) or the platform's 办件号
// (CAS-02). A miss names the nearest numbers the sender may see: their own cases, or their department's.

// The case's own number prefix and audit subject, as src/domain/cases declares them.
export { CASE_PREFIX, CASE_SUBJECT };

/** The 流转单's case (CAS-14): found whoever handled it; a miss names the nearest numbers the sender may see. */
export function loadCase(ctx: Ctx, ref: string): Promise<ServiceCase> {
  return loadAnyCase(ctx, ref, { mustSee: false });
}
