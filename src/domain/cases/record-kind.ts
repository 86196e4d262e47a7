import { ServiceCase } from '../../../entities/case';
import type { RecordKind } from '../../kernel/record-kind';
import { UserError } from '../../kernel/errors';
import { yearlyRef, rowOf } from '../records/by-no';
import { CASE_CLOSED } from '../../../entities/case';
import { PREFIX, SUBJECT, WIDTH } from './model';
import { caseNumbers, changeCase, maySeeCase } from './store';

// AJ 办件 for `记录 历史` / `记录 更正` (REC-02, REC-09). 计时起算日 drives the clock: a correction moves the
// clock's D0 and recomputes its due date (the records engine shifts the deadline rows; D16 versions, D108).

export const caseRecord: RecordKind = {
  prefix: PREFIX,
  label: '办件',
  subjectType: SUBJECT,
  normalise: yearlyRef(PREFIX, WIDTH),
  async load(ctx, no) {
    const c = await ctx.m.findOne(ServiceCase, { where: { no } });
    return c ? rowOf(c) : null;
  },
  numbers: caseNumbers,
  async assertMayView(ctx, rec) {
    if (!(await maySeeCase(ctx, rec.row as unknown as ServiceCase)))
      throw new UserError(`你不能查看 ${rec.no}（只限本部门、经办人和大厅管理室）。`);
  },
  evidence: (rec) => (CASE_CLOSED.includes(rec.status as never) ? `办件${rec.status}，已关闭` : null),
  fields: [
    { name: '申请人', column: 'applicant', type: 'text' },
    { name: '联系电话', column: 'applicantPhone', type: 'text' },
    { name: '平台号', column: 'platformNo', type: 'text' },
    { name: '计时起算日', column: 'clockStart', type: 'date', drivesDeadlines: true },
  ],
  async correct(ctx, rec, field, value, reason) {
    const c = rec.row as unknown as ServiceCase;
    if (field.column === 'clockStart' && !c.clockStart) throw new UserError(`${c.no} 尚未受理，没有计时起算日。`);
    if (field.column === 'platformNo') {
      const dup = await ctx.m.findOne(ServiceCase, { where: { platformNo: String(value) } });
      if (dup && dup.no !== c.no) throw new UserError(`平台号 ${String(value)} 已登记为 ${dup.no}。`);
    }
    const personal = field.column.startsWith('applicant');
    await changeCase(ctx, c, '更正', { [field.column]: value }, `更正 ${field.name}：${reason}`, {
      field: field.name,
      previous: personal ? '（个人信息）' : ((c as unknown as Record<string, unknown>)[field.column] ?? null),
      value: personal ? '（个人信息）' : value,
      reason,
    });
  },
};
