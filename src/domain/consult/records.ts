import { Consultation } from '../../../entities/consultation';
import { HelpdeskProject } from '../../../entities/helpdesk-project';
import { attachmentsOf } from '../../kernel/attachments';
import type { Ctx } from '../../kernel/ctx';
import { personName } from '../../kernel/directory';
import type { PrintForm, RecordKind, RecordRow } from '../../kernel/record-kind';
import { UserError } from '../../kernel/errors';
import { seesPersonalData } from '../../kernel/mask';
import { hasRole } from '../../kernel/permissions';
import { localStamp } from '../../kernel/time';
import { byNo, yearlyRef } from '../records/by-no';
import { BB_SUBJECT, CATEGORY_LABEL, PAPERS, STEP_LABEL, STEPS, TERMINATION } from './helpdesk';
import { SUBJECT as ZX_SUBJECT } from './model';

/** A full-width space between the parts of a printed cell, as on paper forms. */
const GAP = '\u3000';

// RECORD_KINDS rows of the 综窗 services: ZX (咨询登记, REC-02 history; the question, unit and address may be
// corrected) and BB (帮您办 项目登记, printed by `导出 表单 BB…`, REC-08).

export const consultationRecord: RecordKind = {
  prefix: 'ZX',
  label: '咨询登记',
  subjectType: ZX_SUBJECT,
  normalise: yearlyRef('ZX', 5),
  ...byNo(Consultation, 'ZX', ZX_SUBJECT),
  // The first responder's own log (CAS-03): they, their department and 大厅管理室 read it.
  assertMayView(ctx, rec) {
    const c = rec.row as unknown as Consultation;
    const mine =
      c.firstResponder === ctx.actor.userid || (!!c.departmentCode && c.departmentCode === ctx.actor.departmentCode);
    if (mine || seesPersonalData(ctx.actor.roles)) return Promise.resolve();
    return Promise.reject(new UserError(`你不能查看 ${rec.no}（只限首问责任人、本部门和大厅管理室）。`));
  },
  fields: [
    { name: '问题', column: 'question', type: 'text' },
    { name: '单位', column: 'unit', type: 'text' },
    { name: '地址', column: 'address', type: 'text' },
  ],
};

async function projectRows(ctx: Ctx, rec: RecordRow) {
  const p = rec.row as unknown as HelpdeskProject;
  const done = (step: string) => p.steps.find((s) => s.step === step);
  const stepText = async (step: string) => {
    const s = done(step);
    return s ? `${localStamp(new Date(s.at))} ${await personName(ctx.m, s.by)}${s.note ? `${GAP}${s.note}` : ''}` : '';
  };
  const papers = await attachmentsOf(ctx, BB_SUBJECT, p.no, PAPERS);
  const slip = await attachmentsOf(ctx, BB_SUBJECT, p.no, TERMINATION);
  const rows = [
    { label: '编号', value: p.no },
    { label: '项目基本情况', value: `${p.project}${p.applicant ? `（申请人：${p.applicant}）` : ''}` },
    { label: '类别', value: `${p.category}：${CATEGORY_LABEL[p.category] ?? ''}` },
    { label: '登记时间', value: localStamp(p.createdAt) },
    { label: '专人', value: p.assignee ? await personName(ctx.m, p.assignee) : '' },
  ];
  for (const step of STEPS.filter((s) => s !== '专人'))
    rows.push({ label: STEP_LABEL[step], value: await stepText(step) });
  rows.push({ label: '授权委托书 · 承诺书', value: papers.length ? `已存档 ${papers.length} 份` : '' });
  rows.push({
    label: '终止单',
    value:
      p.status === '已终止'
        ? `${p.terminationReason ?? ''}${GAP}${slip.length ? '《终止单》已存档' : '《终止单》未收到'}`
        : '',
  });
  rows.push({ label: '状态', value: `${p.status}（无偿服务）` });
  return rows;
}

export const helpdeskForm: PrintForm = {
  title: '“蒙速办·帮您办”项目登记表',
  rows: projectRows,
  signatures: [],
  note: '注：代办帮办为无偿服务（002 运行规范 第二十七条），办理步骤依 第二十八条。',
  copies: ['“蒙速办·帮您办”窗口存档'],
};

export const helpdeskRecord: RecordKind = {
  prefix: 'BB',
  label: '帮您办',
  subjectType: BB_SUBJECT,
  normalise: yearlyRef('BB', 3),
  ...byNo(HelpdeskProject, 'BB', BB_SUBJECT),
  evidence: (rec) => (rec.status === '办理中' ? null : `项目${rec.status}`),
  // The 帮您办 window (综窗 providers) runs the project: they and 大厅管理室 read it.
  assertMayView(ctx, rec) {
    if (seesPersonalData(ctx.actor.roles) || hasRole(ctx.actor, 'provider')) return Promise.resolve();
    return Promise.reject(new UserError(`你不能查看 ${rec.no}（只限帮您办窗口和大厅管理室）。`));
  },
  fields: [{ name: '项目', column: 'project', type: 'text' }],
  printForm: helpdeskForm,
};
