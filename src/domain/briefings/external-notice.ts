import { Department } from '../../../entities/department';
import { Notice } from '../../../entities/notice';
import { roleStep } from '../../approvals/approvers';
import { startApproval } from '../../approvals/engine';
import type { ApprovalKind } from '../../kernel/approval-kind';
import type { Ctx } from '../../kernel/ctx';
import { findDepartment } from '../../kernel/directory';
import { UserError } from '../../kernel/errors';
import { insertRows } from '../../db';
import { localDate } from '../../kernel/time';
import { resolveSource } from '../accountability/sources';
import { recordReferral } from '../referrals';
import { externalNoticeDocx } from '../../reports/briefing-docx';
import { saveReport } from './written-docx';
import { allocateNoticeNo, showNoticeNo } from './numbering';

// BRF-09 (000 督查通报 第五条(三)): a serious problem with bad influence not rectified → at once a written notice to
// the department's 派驻部门 and a report to the 纪检监察组. A 中心领导 signs it (card); on approval it gets the
// next 督通 number (type 其他) and both hand-overs are recorded with their date (ACC-05 referral records).

export const EXTERNAL_KIND = 'external-notice';

export async function requestExternalNotice(ctx: Ctx, ref: string, note: string, deptRef?: string): Promise<string> {
  const s = await resolveSource(ctx.m, ref, ctx.now);
  if ((s.type === 'finding' || s.type === 'complaint') && !s.known) throw new UserError(`没有找到 ${s.no}。`);
  const code = s.departmentCode ?? (deptRef ? (await findDepartment(ctx.m, deptRef)).code : null);
  if (!code) throw new UserError(`${s.no} 未关联进驻部门，请补充 部门=<代码>。`);
  const dept = await ctx.m.findOneOrFail(Department, { where: { code } });
  const parent = dept.parentUnit ?? `${dept.name}派驻单位`;
  const a = await startApproval(ctx, {
    kind: EXTERNAL_KIND,
    subjectType: 'notice-external',
    subjectId: s.no,
    title: `派驻部门通报签发｜${code}（${s.no}）`,
    departmentCode: code,
    payload: { source: s.no, code, parent, note },
  });
  await ctx.audit('notice.external.request', 'notice', s.no, { approval: a.no, department: code, parent });
  return a.no;
}

export const externalNoticeKind: ApprovalKind = {
  kind: EXTERNAL_KIND,
  steps: async (ctx) => [await roleStep(ctx.m, '中心领导签发', 'leader')],
  card: (_ctx, a) =>
    Promise.resolve({
      subTitle: typeof a.payload.note === 'string' ? a.payload.note : '',
      fields: [
        { key: '来源', value: String(a.payload.source) },
        { key: '部门', value: String(a.payload.code) },
        { key: '通报至', value: String(a.payload.parent) },
        { key: '同时报告', value: '纪检监察组' },
      ],
    }),
  async onApproved(ctx, a) {
    const p = a.payload as { source: string; code: string; parent: string; note: string };
    const title = `致${p.parent}书面通报（${p.code}，${p.source}）`.slice(0, 128);
    await insertRows(ctx.m, Notice, {
      periodKey: `其他:${a.no}`,
      type: '其他',
      title,
      forDate: localDate(ctx.now),
      month: localDate(ctx.now).slice(0, 7),
      coversFrom: null,
      coversTo: null,
      departmentCode: p.code,
      status: '已批准',
      approvalNo: a.no,
      content: { source: p.source, parent: p.parent },
      text: `${title}：${p.note}`,
      criticism: 1,
      praise: 0,
      drafter: a.requester,
      approver: ctx.actor.userid,
      approvedAt: ctx.now,
      publishedAt: ctx.now,
      scope: `${p.parent}；纪检监察组`,
      createdAt: ctx.now,
    });
    const n = await ctx.m.findOneOrFail(Notice, { where: { periodKey: `其他:${a.no}` } });
    const no = await allocateNoticeNo(ctx, n);
    await ctx.m.update(Notice, { id: n.id }, { status: '已发布' });
    await recordReferral(ctx, p.source, '派驻部门', `${no} 致${p.parent}：${p.note}`);
    await recordReferral(ctx, p.source, '纪检监察组', `${no} 报告：${p.note}`);
    await ctx.send(
      { group: 'G-OFFICE' },
      { text: `✅ ${no}（其他）已签发：${title}。请印发${p.parent}并报纪检监察组（已登记移交）。` },
      `external:${a.no}:office`,
    );
    // D41: the notice itself as a 公文 for 大厅管理室 to print and send.
    const dept = await ctx.m.findOneOrFail(Department, { where: { code: p.code } });
    const doc = await externalNoticeDocx({
      no: showNoticeNo(no),
      deptName: dept.name,
      parent: p.parent,
      note: p.note,
      source: showNoticeNo(p.source),
      date: localDate(ctx.now),
    });
    const path = await saveReport(ctx.deps.config.attachmentDir, `notice-external-${n.id}.docx`, doc);
    await ctx.send(
      { group: 'G-OFFICE' },
      { file: { path, filename: `${showNoticeNo(no)}（其他）致${p.parent}通报.docx` } },
      `external:${a.no}:file`,
    );
  },
  async onRejected(ctx, a, reason) {
    await ctx.audit('notice.external.reject', 'notice', String(a.payload.source), { approval: a.no, reason });
  },
};
