import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';
import { WINDOW_KINDS } from '../../entities/window';
import { col, table } from './helpers';

/** Old free-text 窗口类型 spellings and the D172 kind each means. */
const KIND_SYNONYMS: Record<string, string> = {
  综合: '综合受理',
  综合窗口: '综合受理',
  无差别综合: '综合受理',
  无差别综合窗口: '综合受理',
  综合受理窗口: '综合受理',
  出件: '统一出件',
  统一出件窗口: '统一出件',
  一次办: '蒙速办·一次办',
  帮您办: '蒙速办·帮您办',
  跨省通办: '异地通办',
  呼包鄂乌互办互认: '异地通办',
  全市通办: '异地通办',
  工程建设: '工程建设项目审批',
  咨询导办: '咨询导办区',
  咨询导办台: '咨询导办区',
  导办: '咨询导办区',
  分领域综合窗口: '分领域综合',
  专项窗口: '专项',
  季节: '季节性',
  季节窗口: '季节性',
};

/**
 * Staffing (STF-01…09, DIR-08/15, D170–D172): the `staff_record` table (RG/LG/DG), 岗位等级 and 证书 on people,
 * and `window.kind` narrowed to the D172 list. A kind that maps to none is cleared and listed in one audit row
 * (`window.kind.unmapped`) so 大厅管理室 can set it again with a directory import.
 */
export class Staffing1790000000063 implements MigrationInterface {
  name = 'Staffing1790000000063';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      table(
        'staff_record',
        [
          col.id(),
          col.str('no', 24),
          col.str('kind', 4),
          col.str('departmentCode', 16),
          col.str('userid', 64, true),
          col.str('name', 32),
          col.str('windowNumber', 16, true),
          col.str('idNumber', 18, true),
          col.str('identity', 16, true),
          col.str('windowKind', 32, true),
          col.json('form'),
          col.date('startDate', true),
          col.date('endDate', true),
          col.str('otherUserid', 64, true),
          col.str('reasonCode', 2, true),
          col.text('reason', true),
          col.text('noProofReason', true),
          col.str('status', 12),
          col.str('approvalNo', 16, true),
          col.json('handover', true),
          col.instant('confirmedAt', true),
          col.instant('doneAt', true),
          col.str('createdBy', 64),
          col.instant('createdAt'),
        ],
        { indices: [['ix_staff_record_user', ['userid']]], uniqueIndices: [['uq_staff_record_no', ['no']]] },
      ),
    );
    await q.addColumn('person', new TableColumn(col.str('grade', 2, true)));
    await q.addColumn('person', new TableColumn(col.str('certificate', 64, true)));
    await mapWindowKinds(q);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('person', 'certificate');
    await q.dropColumn('person', 'grade');
    await q.dropTable('staff_record');
  }
}

/** Old 窗口类型 values → D172 kinds; what maps to none is cleared and listed in one audit row. */
export async function mapWindowKinds(q: QueryRunner): Promise<void> {
  const rows = (await q.query('SELECT number, kind FROM `window` WHERE kind IS NOT NULL')) as {
    number: string;
    kind: string;
  }[];
  const known = WINDOW_KINDS as readonly string[];
  const unmapped: { window: string; kind: string }[] = [];
  for (const r of rows) {
    const k = r.kind.trim();
    if (known.includes(k)) continue;
    const to = KIND_SYNONYMS[k] ?? null;
    if (!to) unmapped.push({ window: r.number, kind: r.kind });
    await q.query('UPDATE `window` SET kind = ? WHERE number = ?', [to, r.number]);
  }
  if (unmapped.length) {
    await q.query(
      'INSERT INTO audit_log (at, actor, action, subjectType, subjectId, detail) VALUES (?, ?, ?, ?, ?, ?)',
      [
        new Date().toISOString(),
        'system',
        'window.kind.unmapped',
        'window',
        unmapped
          .map((u) => u.window)
          .join(',')
          .slice(0, 64),
        JSON.stringify({ unmapped }),
      ],
    );
  }
}
