import type { MigrationInterface, QueryRunner } from 'typeorm';
import { col, table } from './helpers';

// D180: the two per-domain point settings (complaint.deductionPoints → CMP-19; window.deductionPoints → WIN-13 and
// SUS-10) become entries of the one rule-keyed map `performance.points` (OPEN #12). A value an admin stored is
// kept; an entry already in the map wins (it was set later, on purpose, for that rule).
const CARRIED: [string, string[]][] = [
  ['complaint.deductionPoints', ['CMP-19']],
  ['window.deductionPoints', ['WIN-13', 'SUS-10']],
];

function parse(v: unknown): unknown {
  return typeof v === 'string' ? JSON.parse(v) : v;
}

/** 年度等次 and 评优推荐 (PRF-13/15/16), and the point settings folded into `performance.points` (PRF-14). */
export class GradesAwards1790000000072 implements MigrationInterface {
  name = 'GradesAwards1790000000072';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      table(
        'staff_grade',
        [
          col.id(),
          col.int('year'),
          col.str('personUserid', 64),
          col.str('departmentCode', 16, true),
          col.str('grade', 8),
          col.text('note', true),
          col.str('gradedBy', 64),
          col.instant('gradedAt'),
        ],
        { uniques: [['uq_staff_grade', ['year', 'personUserid']]] },
      ),
    );
    await q.createTable(
      table(
        'award_nomination',
        [
          col.id(),
          col.int('year'),
          col.str('month', 7),
          col.str('personUserid', 64, true),
          col.str('windowNumber', 16, true),
          col.str('departmentCode', 16, true),
          col.str('award', 16),
          col.text('reason'),
          col.str('nominatedBy', 64),
          col.str('approvalNo', 32, true),
          col.str('status', 8),
          col.instant('decidedAt', true),
          col.instant('createdAt'),
        ],
        { indices: [['ix_award_nomination_month', ['month']]] },
      ),
    );
    await carryPoints(q);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('award_nomination');
    await q.dropTable('staff_grade');
  }
}

/** D180: fold the stored per-domain point settings into `performance.points` (exported for its test). */
export async function carryPoints(q: QueryRunner): Promise<void> {
  const rows = (await q.query('SELECT name, value, updatedBy, updatedAt FROM setting WHERE name IN (?, ?, ?)', [
    'performance.points',
    ...CARRIED.map(([n]) => n),
  ])) as { name: string; value: string; updatedBy: string; updatedAt: string }[];
  const old = rows.filter((r) => r.name !== 'performance.points');
  if (old.length === 0) return;
  const current = rows.find((r) => r.name === 'performance.points');
  const map = { ...((current ? parse(current.value) : {}) as Record<string, number>) };
  for (const [name, rules] of CARRIED) {
    const row = old.find((r) => r.name === name);
    const points = row ? Number(parse(row.value)) : 0;
    if (!row || !points) continue;
    for (const rule of rules) if (!(rule in map)) map[rule] = points;
  }
  const value = JSON.stringify(map);
  const last = old.reduce((a, b) => (a.updatedAt > b.updatedAt ? a : b));
  if (current) await q.query('UPDATE setting SET value = ? WHERE name = ?', [value, 'performance.points']);
  else
    await q.query('INSERT INTO setting (name, value, updatedBy, updatedAt) VALUES (?, ?, ?, ?)', [
      'performance.points',
      value,
      last.updatedBy,
      last.updatedAt,
    ]);
  await q.query(
    'DELETE FROM setting WHERE name IN (?, ?)',
    CARRIED.map(([n]) => n),
  );
}
