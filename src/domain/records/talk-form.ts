import type { Notice } from '../../../entities/notice';
import { Talk } from '../../../entities/talk';
import type { Ctx } from '../../kernel/ctx';
import { personName } from '../../kernel/directory';
import { UserError } from '../../kernel/errors';
import type { PrintForm, RecordRow } from '../../kernel/record-kind';
import { fullCnDate, monthLabel } from '../../reports/official-doc';
import { deptName } from './window-forms';

// The printed 约谈记录 (REC-08, BRF-06). The seeds give no form (000 督查通报 第五条(二), 第六条(二)2 name only who
// talks to whom, by when, and that 大厅管理室 drafts and a 中心领导 审定s); the rows are the record's fields of
// D20/BRF-06 in order, signed by the 审定 step of its approval. It is the 督通 number of a 约谈 notice (BRF-10);
// other notices are 公文, not forms. The department receives the 公文 (D41), so this form prints once, for
// 大厅管理室's file (D218).

/** A full-width space between the parts of a printed cell, as typed on paper forms. */
const GAP = '\u3000';

const talkId = (rec: RecordRow) => Number((rec.row as unknown as Notice).content.talkId);

async function talkOf(ctx: Ctx, rec: RecordRow): Promise<Talk> {
  const t = await ctx.m.findOne(Talk, { where: { id: talkId(rec) } });
  if (!t) throw new UserError(`${rec.no} 找不到对应的约谈记录。`);
  return t;
}

const listed = (label: string, nos: readonly string[]) => (nos.length ? `${label}：${nos.join('、')}` : '');

export const talkPrintForm: PrintForm = {
  title: '约谈记录',
  appliesTo: (rec) => (rec.row as unknown as Notice).type === '约谈',
  approvalSubject: (rec) => `talk:${talkId(rec)}`,
  async rows(ctx, rec) {
    const t = await talkOf(ctx, rec);
    const e = t.evidence;
    const evidence = [listed('巡查发现', e.findings), listed('投诉', e.complaints), listed('整改', e.rectifications)];
    const due = t.requirementDue ? `\n完成期限：${fullCnDate(t.requirementDue)}` : '';
    return [
      { label: '约谈类型', value: `约谈${t.target}` },
      { label: '所属月份 · 部门', value: `${monthLabel(t.month)}${GAP}${await deptName(ctx, t.departmentCode)}` },
      { label: '约谈日期', value: t.talkDate ? fullCnDate(t.talkDate) : '' },
      { label: '约谈人', value: t.talkers ?? '' },
      { label: '约谈对象', value: [t.target, t.targetName].filter(Boolean).join(' ') },
      { label: '问题清单', value: [t.reasons, ...evidence].filter(Boolean).join('\n') },
      { label: '听取的意见建议', value: t.opinions ?? '' },
      { label: '整改要求 · 期限', value: `${t.requirements ?? ''}${due}` },
      { label: '成稿人', value: t.drafter ? await personName(ctx.m, t.drafter) : '' },
    ];
  },
  signatures: [{ label: '审定人（中心领导）', steps: ['中心领导审定'] }],
  note: '',
  copies: ['旗政务服务中心大厅管理室存档'],
};
