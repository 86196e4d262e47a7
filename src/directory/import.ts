import type { EntityManager } from 'typeorm';
import { In } from 'typeorm';
import { PersonRole, type Role } from '../../entities/person-role';
import { writeAudit } from '../kernel/audit';
import { insertRows, type Db } from '../db';
import { checkDirectory, duplicateKeys, emptyFailed, emptyWhere } from './check';
import { changedRows, emptyDiff, type Change, type DirectoryDiff } from './diff';
import { KEY_PATH, LISTS, labelOf, type ListName } from './fields';
import { fromJson, type RawDirectory } from './read';
import { validateRows } from './schema';
import {
  ENTITY,
  STATE_PATHS,
  columnsOf,
  defaults,
  deriveMembers,
  loadState,
  sameValue,
  type Flat,
  type State,
} from './state';

// `directory import` (architecture "CLI"): validate every row, then upsert by
// code / number / userid / key in one transaction. Any invalid row → nothing is written and every problem
// is reported with its sheet/file and line. Unchanged rows are not touched, so re-importing the same file
// writes nothing — not even an audit row.

export interface ImportResult {
  ok: boolean;
  errors: string[];
  diff: DirectoryDiff;
  dryRun: boolean;
}

interface Plan {
  errors: string[];
  before: State;
  after: State;
  diff: DirectoryDiff;
}

const SUBJECT: Record<ListName, string> = {
  departments: 'department',
  windows: 'window',
  people: 'person',
  groups: 'group_chat',
};

function titleOf(list: ListName, key: string, row: Flat): string {
  if (list === 'windows') return `${key}号窗 ${String(row.name)}`;
  if (list === 'people') return `${String(row.name)}（${key}）`;
  return `${key} ${String(row.name)}`;
}

/** Merge the file over the stored directory, check it, and compare. Reads only. */
async function plan(m: EntityManager, raw: RawDirectory): Promise<Plan> {
  const errors = [...raw.errors];
  const { state: before, inactive } = await loadState(m);
  const after: State = {
    departments: new Map([...before.departments].map(([k, v]) => [k, { ...v }])),
    windows: new Map([...before.windows].map(([k, v]) => [k, { ...v }])),
    people: new Map([...before.people].map(([k, v]) => [k, { ...v }])),
    groups: new Map([...before.groups].map(([k, v]) => [k, { ...v }])),
  };
  const where = emptyWhere();
  const failed = emptyFailed();
  const explicitChief = new Set<string>();
  for (const list of LISTS) {
    const { rows, errors: rowErrors, failedKeys } = validateRows(list, raw.rows[list]);
    errors.push(...rowErrors);
    failedKeys.forEach((k) => failed[list].add(k));
    const keyed = rows.map((r) => ({ ...r, key: String(r.row[KEY_PATH[list]]) }));
    errors.push(...duplicateKeys(keyed, labelOf(list, KEY_PATH[list])));
    for (const { at, key, row } of keyed) {
      if (where[list].has(key)) continue;
      where[list].set(key, at);
      const merged = { ...(after[list].get(key) ?? defaults(list)) };
      for (const [p, v] of Object.entries(row)) {
        if (v === undefined) continue; // absent: keep the stored value
        merged[p] = v === null ? defaults(list)[p] : v; // cleared: empty list, default status, or null
      }
      if (list === 'people' && (row.roles as Role[] | undefined)?.includes('chief_rep')) explicitChief.add(key);
      after[list].set(key, merged);
    }
  }
  errors.push(...checkDirectory(after, where, explicitChief, failed));
  for (const [key, g] of after.groups) {
    g.members = deriveMembers(key, after.people.values(), inactive);
    const prev = before.groups.get(key);
    // A new or re-pointed app chat must be (re)created on WeCom by ensureGroupChats.
    if (!prev || prev.chatid !== g.chatid) g.created = false;
  }
  return { errors, before, after, diff: compare(before, after) };
}

function compare(before: State, after: State): DirectoryDiff {
  const diff = emptyDiff();
  const empty = (v: Flat[string] | undefined) => v == null || (Array.isArray(v) && v.length === 0) || v === false;
  for (const list of LISTS) {
    const fields = STATE_PATHS[list].filter((p) => p !== KEY_PATH[list]);
    for (const [key, row] of after[list]) {
      const prev = before[list].get(key);
      const title = titleOf(list, key, row);
      if (!prev) {
        const changes = fields.filter((p) => !empty(row[p])).map((p) => ({ field: p, from: null, to: row[p] }));
        diff[list].created.push({ key, title, changes });
        continue;
      }
      const changes: Change[] = fields
        .filter((p) => !sameValue(prev[p], row[p]))
        .map((p) => ({ field: p, from: prev[p], to: row[p] }));
      if (changes.length) diff[list].updated.push({ key, title, changes });
      else diff[list].unchanged++;
    }
  }
  return diff;
}

/** Write the planned changes; one audit row per changed row (REC-02) plus one for the import. */
async function apply(m: EntityManager, now: Date, actor: string, p: Plan): Promise<void> {
  for (const list of LISTS) {
    const Entity = ENTITY[list] as new () => object;
    for (const r of p.diff[list].created) {
      const row = p.after[list].get(r.key)!;
      await insertRows(m, Entity, columnsOf(list, row) as never);
      await writeAudit(m, now, actor, 'directory.create', SUBJECT[list], r.key, { changes: r.changes });
    }
    for (const r of p.diff[list].updated) {
      const patch: Flat = Object.fromEntries(r.changes.map((c) => [c.field, c.to]));
      const cols = columnsOf(list, patch);
      // DIR-06: a status set by hand ends any 临时关闭 period recorded with it.
      if (list === 'windows' && 'status' in patch && patch.status !== '临时关闭') cols.statusUntil = null;
      if (Object.keys(cols).length) await m.update(Entity, { [KEY_PATH[list]]: r.key }, cols);
      await writeAudit(m, now, actor, 'directory.update', SUBJECT[list], r.key, { changes: r.changes });
    }
  }
  for (const r of [...p.diff.people.created, ...p.diff.people.updated]) {
    const want = p.after.people.get(r.key)!.roles as Role[];
    const had = (p.before.people.get(r.key)?.roles ?? []) as Role[];
    const gone = had.filter((x) => !want.includes(x));
    const added = want.filter((x) => !had.includes(x));
    if (gone.length) await m.delete(PersonRole, { userid: r.key, role: In(gone) });
    if (added.length)
      await insertRows(
        m,
        PersonRole,
        added.map((role) => ({ userid: r.key, role })),
      );
  }
  const counts = Object.fromEntries(
    LISTS.map((l) => [l, { created: p.diff[l].created.length, updated: p.diff[l].updated.length }]),
  );
  await writeAudit(m, now, actor, 'directory.import', 'directory', 'import', counts);
}

/**
 * Validate and upsert a directory. `input` is what readDirectoryFile(s) returned, or the JSON shape itself.
 * With `dryRun` (or any error) nothing is written; the diff says what would change.
 */
export async function importDirectory(
  db: Db,
  now: Date,
  actor: string,
  input: RawDirectory | Record<string, unknown>,
  opts: { dryRun?: boolean } = {},
): Promise<ImportResult> {
  const raw = isRaw(input) ? input : fromJson(input);
  const dryRun = opts.dryRun ?? false;
  if (dryRun) {
    const p = await plan(db.manager, raw);
    return { ok: p.errors.length === 0, errors: p.errors, diff: p.diff, dryRun };
  }
  return db.tx(async (m) => {
    const p = await plan(m, raw);
    if (p.errors.length === 0 && changedRows(p.diff) > 0) await apply(m, now, actor, p);
    return { ok: p.errors.length === 0, errors: p.errors, diff: p.diff, dryRun };
  });
}

function isRaw(x: RawDirectory | Record<string, unknown>): x is RawDirectory {
  return typeof x.source === 'string' && typeof x.rows === 'object' && Array.isArray(x.errors);
}
