import type { Ctx } from '../../kernel/ctx';
import { UserError } from '../../kernel/errors';
import { seesPersonalData } from '../../kernel/mask';
import { nearestNumbers, notFoundError } from '../../kernel/match';
import type { RecordKind, RecordRow } from '../../kernel/record-kind';

// Finding a record by any typed form of its number (docs/commands.md), across every RECORD_KINDS row; a number
// that does not exist gets the nearest stored ones (bad input: the nearest matches).

export interface FoundRecord {
  kind: RecordKind;
  rec: RecordRow;
}

async function nearest(ctx: Ctx, kinds: readonly RecordKind[], typed: string): Promise<string[]> {
  const all = (await Promise.all(kinds.map((k) => k.numbers(ctx)))).flat();
  return nearestNumbers(typed, all);
}

export async function findRecord(ctx: Ctx, ref: string): Promise<FoundRecord> {
  const kinds = ctx.deps.tables.recordKinds;
  const typed = ref.trim();
  const mine = kinds.filter((k) => typed.toUpperCase().startsWith(k.prefix.toUpperCase()));
  for (const kind of mine) {
    const no = await kind.normalise(ctx, typed);
    const rec = no ? await kind.load(ctx, no) : null;
    if (rec) return { kind, rec };
  }
  const full = mine.length ? ((await mine[0].normalise(ctx, typed)) ?? typed) : typed;
  const near = await nearest(ctx, mine.length ? mine : kinds, full);
  const examples = 'TS2026-0012、GB2026-GA-003、SW7';
  throw notFoundError(full, near, `编号形如 ${examples}。`);
}

/** Who may read a record: the kind's own rule, else 大厅管理室/leaders/supervisors and the own department. */
export async function assertMayView(ctx: Ctx, f: FoundRecord): Promise<void> {
  if (f.kind.assertMayView) return f.kind.assertMayView(ctx, f.rec);
  if (seesPersonalData(ctx.actor.roles)) return;
  const createdBy = f.rec.row.createdBy;
  if (f.rec.departmentCode && f.rec.departmentCode === ctx.actor.departmentCode) return;
  if (createdBy === ctx.actor.userid) return;
  throw new UserError(`你不能查看 ${f.rec.no}（只限本部门和大厅管理室）。`);
}
