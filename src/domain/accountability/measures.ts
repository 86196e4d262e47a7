import { Accountability } from '../../../entities/accountability';
import { Department } from '../../../entities/department';
import { Person } from '../../../entities/person';
import type { Ctx } from '../../kernel/ctx';
import { findDepartment, findPerson } from '../../kernel/directory';
import { UserError } from '../../kernel/errors';
import { insertRows } from '../../db';
import { nextRecordNo, normaliseRecordRef } from '../../kernel/numbers';
import { localDate, yearOf } from '../../kernel/time';
import { raiseAwardDecision } from '../performance';
import { issueRectification } from './rectifications';
import { resolveSource } from './sources';

// ACC-01 (000 问效 第七条): 限期整改, 诫勉谈话, 通报批评, 书面检查, 取消评选评优资格, 调离工作岗位 "等" — the list is
// open, so 其他 is accepted (D46). ACC-06 / INS-08 (000 巡查 四(四)): 阻碍巡查 becomes a 问效 record.

export const MEASURES = ['限期整改', '诫勉谈话', '通报批评', '书面检查', '取消评优', '调离岗位', '其他'] as const;
export type Measure = (typeof MEASURES)[number];

export function parseMeasure(raw: string): Measure {
  const s = raw.trim().replace('取消评选评优资格', '取消评优').replace('调离工作岗位', '调离岗位');
  if ((MEASURES as readonly string[]).includes(s)) return s as Measure;
  throw new UserError(`措施应为：${MEASURES.join('、')}（rule ACC-01），“${raw}”无法识别。`);
}

export interface Subject {
  type: 'person' | 'department';
  id: string;
  departmentCode: string | null;
  label: string;
  /** Who is told: the person, or the department's 首席代表. */
  notify: string | null;
}

/** `GA` → the department; `@李四` / `李四` → the person. */
export async function subjectOf(ctx: Ctx, ref: string): Promise<Subject> {
  const dept = await ctx.m.findOne(Department, { where: { code: ref.trim().toUpperCase() } });
  if (dept)
    return { type: 'department', id: dept.code, departmentCode: dept.code, label: dept.code, notify: dept.chiefRep };
  const p = await findPerson(ctx.m, ref);
  return {
    type: 'person',
    id: p.userid,
    departmentCode: p.departmentCode,
    label: `${p.departmentCode ?? ''} ${p.name}`.trim(),
    notify: p.userid,
  };
}

async function insertRecord(ctx: Ctx, row: Partial<Accountability>): Promise<string> {
  const no = await nextRecordNo(ctx.m, 'WX', yearOf(localDate(ctx.now)), 3);
  await insertRows(ctx.m, Accountability, {
    ...row,
    no,
    status: '有效',
    createdBy: ctx.actor.userid,
    createdAt: ctx.now,
  });
  return no;
}

/** `问效 措施` → `WX…`; 取消评优 raises the PRF-17 card, 限期整改 issues a ZG order when the source is known. */
export async function recordMeasure(
  ctx: Ctx,
  subject: Subject,
  measure: Measure,
  sourceRef: string | undefined,
  note: string | undefined,
): Promise<{ no: string; extra: string }> {
  const source = sourceRef ? await resolveSource(ctx.m, sourceRef, ctx.now) : null;
  const no = await insertRecord(ctx, {
    event: '问效措施',
    measure,
    subjectType: subject.type,
    subjectId: subject.id,
    departmentCode: subject.departmentCode,
    source: source?.no ?? null,
    note: note ?? null,
  });
  await ctx.audit('accountability.measure', 'accountability', no, {
    measure,
    subject: `${subject.type}:${subject.id}`,
    source: source?.no ?? null,
    note,
  });
  let extra = '';
  if (measure === '取消评优') {
    await raiseAwardDecision(ctx, {
      subjectType: subject.type,
      subjectId: subject.id,
      rule: 'ACC-01',
      source: no,
      note: note ?? `问效措施：取消评选评优资格（来源 ${source?.no ?? no}）`,
    });
    extra = '，评优资格待确认（卡片）';
  }
  if (measure === '限期整改' && source) {
    const responsible =
      subject.type === 'person'
        ? await ctx.m.findOneOrFail(Person, { where: { userid: subject.id } })
        : subject.notify
          ? await ctx.m.findOne(Person, { where: { userid: subject.notify } })
          : null;
    if (responsible) {
      const { order } = await issueRectification(ctx, { source: source.no, responsible, requirement: note });
      extra = `，已下达 ${order.no}`;
    }
  }
  if (subject.notify) {
    await ctx.send(
      { user: subject.notify },
      {
        text: `问效 ${no}：${subject.label} ${measure}${source ? `（来源 ${source.no}）` : ''}${note ? `\n${note}` : ''}\n如有异议可发送：问效 申辩 ${no} 理由=…`,
      },
      `acc:${no}:subject`,
    );
  }
  return { no, extra };
}

/** `巡查 阻碍` (INS-08, ACC-06): 弄虚作假、阻碍、拒绝配合巡查 → a 问效 record; the center leaders are told. */
export async function recordObstruction(
  ctx: Ctx,
  roundRef: string,
  deptRef: string,
  personRef: string | undefined,
  note: string,
): Promise<string> {
  const round = normaliseRecordRef(roundRef, 'XC', yearOf(localDate(ctx.now)));
  if (!round) throw new UserError(`巡查记录编号形如 XC2026-0031，“${roundRef}”无法识别。`);
  const dept = await findDepartment(ctx.m, deptRef);
  const person = personRef ? await findPerson(ctx.m, personRef) : null;
  const subject: Subject = person
    ? {
        type: 'person',
        id: person.userid,
        departmentCode: dept.code,
        label: `${dept.code} ${person.name}`,
        notify: person.userid,
      }
    : { type: 'department', id: dept.code, departmentCode: dept.code, label: dept.code, notify: dept.chiefRep };
  const no = await insertRecord(ctx, {
    event: '阻碍巡查',
    measure: null,
    subjectType: subject.type,
    subjectId: subject.id,
    departmentCode: dept.code,
    source: round,
    note,
  });
  await ctx.audit('accountability.obstruction', 'accountability', no, {
    round,
    department: dept.code,
    person: person?.userid ?? null,
    note,
  });
  await ctx.send(
    { group: 'G-LEAD' },
    {
      text: `⚠️ 阻碍巡查（rule INS-08）${no}：${subject.label}｜${round}｜${note}\n追责措施：问效 措施 ${subject.type === 'person' ? `@${person!.name}` : dept.code} 措施=… 来源=${no}`,
    },
    `acc:${no}:lead`,
  );
  if (dept.chiefRep && dept.chiefRep !== subject.notify)
    await ctx.send(
      { user: dept.chiefRep },
      { text: `${dept.code} 被登记阻碍巡查 ${no}（${round}）：${note}` },
      `acc:${no}:chief`,
    );
  return no;
}
