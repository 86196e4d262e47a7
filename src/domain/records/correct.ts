import { In } from 'typeorm';
import { Deadline } from '../../../entities/deadline';
import { recomputeOpenDeadlines, type MovedDeadline } from '../../calendar/deadlines';
import type { Ctx } from '../../kernel/ctx';
import { parseCnDate } from '../../kernel/dates';
import { UserError, ruleRefusal } from '../../kernel/errors';
import { hasRole } from '../../kernel/permissions';
import type { RecordField } from '../../kernel/record-kind';
import { localDate } from '../../kernel/time';
import { assertMayView, findRecord, type FoundRecord } from './find';

// `记录 更正 <号> <字段>=<值> 原因=…` (REC-09, REC-02, REC-06): a correction is a new version — who, when, why and
// the old value stay in the history; evidence is read-only once confirmed; a date that starts a clock moves the
// record's running deadlines through the calendar's recompute path, so their reminders re-arm once (D16).

/** Attachments are evidence (REC-06): never corrected, only added to. */
const ATTACHMENT_WORDS = ['附件', '照片', '证明材料', '图片', '文件'];

const REC06 = (what: string) =>
  ruleRefusal(
    'REC-06',
    '000 巡查 四(二)；全过程监督 第九条(一)',
    `${what}，是留存的证据，不能更正。如有错误，请提出异议或另行登记新记录。`,
  );

export interface Correction {
  no: string;
  field: string;
  version: number | null;
  moved: MovedDeadline[];
}

function assertMayCorrect(ctx: Ctx, f: FoundRecord): void {
  if (hasRole(ctx.actor, 'hall_office')) return;
  const ownDraft =
    hasRole(ctx.actor, 'chief_rep') &&
    f.rec.departmentCode !== null &&
    f.rec.departmentCode === ctx.actor.departmentCode &&
    (f.kind.draftStatuses ?? []).includes(f.rec.status);
  if (!ownDraft) throw new UserError(`只有大厅管理室可以更正 ${f.rec.no}；首席代表可更正本部门尚未提交的草稿。`);
}

function parseValue(ctx: Ctx, field: RecordField, raw: string): string | number {
  const s = raw.trim();
  if (!s) throw new UserError(`“${field.name}=”缺少新值。`);
  if (field.type === 'date') {
    const d = parseCnDate(s, ctx.now);
    if (!d) throw new UserError(`“${field.name}=${s}”无法识别为日期。例：2026-03-02、3月2日`);
    return d;
  }
  if (field.type === 'int') {
    const n = Number(s);
    if (!Number.isInteger(n) || n <= 0) throw new UserError(`“${field.name}=${s}”须为正整数。`);
    return n;
  }
  return s;
}

/** Clocks that ran from the old date run from the new one (same time of day); the recompute versions them. */
async function moveClocks(ctx: Ctx, f: FoundRecord, from: string, to: string): Promise<MovedDeadline[]> {
  const ids = [f.rec.no, ...(f.rec.aliases ?? [])];
  const live = await ctx.m.find(Deadline, {
    where: { subjectType: f.kind.subjectType, subjectId: In(ids), status: In(['open', 'paused']) },
  });
  const shift = Date.parse(`${to}T00:00:00+08:00`) - Date.parse(`${from}T00:00:00+08:00`);
  const mine = live.filter((d) => localDate(d.startAt) === from);
  if (!mine.length) return [];
  for (const d of mine) await ctx.m.update(Deadline, { id: d.id }, { startAt: new Date(d.startAt.getTime() + shift) });
  const r = await recomputeOpenDeadlines(ctx.m, ctx.now, ctx.actor.userid, ctx.deps.calendar, `记录 更正 ${f.rec.no}`);
  return r.moved.filter((m) => mine.some((d) => d.id === m.id));
}

export async function correctRecord(
  ctx: Ctx,
  ref: string,
  changes: Record<string, string>,
  reason: string | undefined,
): Promise<Correction> {
  const f = await findRecord(ctx, ref);
  await assertMayView(ctx, f);
  assertMayCorrect(ctx, f);
  const names = Object.keys(changes);
  const fieldList = f.kind.fields.map((x) => x.name).join('、');
  if (names.length !== 1) {
    throw new UserError(
      fieldList
        ? `请写一个要更正的字段，例：记录 更正 ${f.rec.no} ${f.kind.fields[0].name}=… 原因=…。可更正：${fieldList}`
        : `${f.rec.no}（${f.kind.label}）没有可更正的字段；如有错误，请另行登记新记录。`,
    );
  }
  const name = names[0];
  if (ATTACHMENT_WORDS.includes(name)) throw REC06('附件');
  const locked = f.kind.evidence?.(f.rec);
  if (locked) throw REC06(`${f.rec.no} ${locked}`);
  const field = f.kind.fields.find((x) => x.name === name);
  if (!field) {
    throw new UserError(
      fieldList
        ? `${f.rec.no}（${f.kind.label}）没有可更正的字段“${name}”。可更正：${fieldList}`
        : `${f.rec.no}（${f.kind.label}）没有可更正的字段；如有错误，请另行登记新记录。`,
    );
  }
  if (!reason?.trim()) throw new UserError(`请写明更正原因：记录 更正 ${f.rec.no} ${name}=… 原因=…`);
  const value = parseValue(ctx, field, changes[name]);
  const previous = f.rec.row[field.column];
  if (previous === value) throw new UserError(`${f.rec.no} ${name} 已是“${String(value)}”，未作更改。`);
  if (!f.kind.correct) throw new UserError(`${f.rec.no}（${f.kind.label}）不能在聊天中更正。`);
  await f.kind.correct(ctx, f.rec, field, value, reason.trim());
  const moved =
    field.drivesDeadlines && typeof previous === 'string' && typeof value === 'string'
      ? await moveClocks(ctx, f, previous, value)
      : [];
  const after = await f.kind.load(ctx, f.rec.no);
  const version = typeof after?.row.version === 'number' ? after.row.version : null;
  return { no: f.rec.no, field: name, version, moved };
}
