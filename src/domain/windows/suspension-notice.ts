import { In, MoreThanOrEqual } from 'typeorm';
import { Department } from '../../../entities/department';
import { Suspension } from '../../../entities/suspension';
import { openAttachmentSlot } from '../../kernel/attachments';
import type { Ctx } from '../../kernel/ctx';
import { UserError } from '../../kernel/errors';
import { maskPhone, seesPersonalData } from '../../kernel/mask';
import { localDate, shortDate } from '../../kernel/time';
import { checkOwnOrOffice } from './common';
import { publicityDue, windowsLabel } from './rules';
import { loadSuspension } from './suspensions';
import { noticeText } from './suspension-text';

// SUS-07 (000 高峰停办 二(二)2): the department publishes the notice ≥ 4 WD ahead and reports it (`停办 公告`);
// 大厅管理室 informs the public (宣传屏, 公众号, 前后门) and the guides (`停办 告知` → G-GUIDE). The bot writes the text.

export const PUBLICITY_PROOF = '宣传截图';

/** `停办 公告 <TB号> 链接=…`: the department's publicity evidence (link and/or screenshot). */
export async function reportPublicity(ctx: Ctx, ref: string, link?: string, note?: string): Promise<string> {
  const s = await loadSuspension(ctx, ref);
  checkOwnOrOffice(ctx, s.departmentCode, s.no);
  if (!['pending', 'approved'].includes(s.status)) throw new UserError(`${s.no} 当前为 ${s.status}，无需公告。`);
  if (!link && !note)
    throw new UserError(
      `请注明发布渠道或链接，例：停办 公告 ${s.no} 链接=https://mp.weixin.qq.com/… 或 说明=公众号3月5日已发布`,
    );
  const due = publicityDue(ctx.deps.calendar, s.fromDate);
  const today = localDate(ctx.now);
  const late = today > due;
  await ctx.m.update(
    Suspension,
    { id: s.id },
    { publicityAt: s.publicityAt ?? ctx.now, publicityNote: [link, note].filter(Boolean).join(' ') },
  );
  await ctx.audit('suspension.publicity', 'suspension', s.no, { link: link ?? null, note: note ?? null, due, late });
  await openAttachmentSlot(ctx, 'suspension', s.no, PUBLICITY_PROOF);
  await ctx.send(
    { group: 'G-OFFICE' },
    {
      text: `${s.no} ${s.departmentCode} 已发布停办公告${late ? `（逾期，应于 ${due} 前）` : ''}：${link ?? note}\n请通过宣传屏、公众号、前后门告知群众并告知导服人员，然后发送：停办 告知 ${s.no}`,
    },
    `tb:${s.no}:publicity:${today}`,
  );
  return `✅ ${s.no} 宣传告知已报（${shortDate(today)}${late ? `，已逾期，应于 ${due} 前` : ''}）\n可在10分钟内发送截图作为凭证。`;
}

/** `停办 告知 <TB号>` (大厅管理室): public informed; the guides get the summary; the notice text comes back. */
export async function notifyPublic(ctx: Ctx, ref: string): Promise<string[]> {
  const s = await loadSuspension(ctx, ref);
  if (s.status !== 'approved') throw new UserError(`${s.no} 尚未备案（${s.status}）。`);
  await ctx.m.update(Suspension, { id: s.id }, { notifiedAt: s.notifiedAt ?? ctx.now });
  await ctx.audit('suspension.notified', 'suspension', s.no, {});
  const dept = await ctx.m.findOne(Department, { where: { code: s.departmentCode } });
  const summary = `${shortDate(s.fromDate)}–${shortDate(s.toDate)} ${dept?.name ?? s.departmentCode} ${windowsLabel(s.windows)} ${s.reason} 临时停办`;
  const phones = (s.consultants ?? []).map((c) => `${c.name} ${c.phone}`).join('、');
  await ctx.send(
    { group: 'G-GUIDE' },
    { text: `📢 停办提醒（${s.no}）：${summary}。咨询：${phones}。请做好解释和引导。` },
    `tb:${s.no}:guide`,
  );
  return [`✅ 已推送导服群：${summary}`, await noticeText(ctx, s)];
}

const STATUS_CN: Record<string, string> = { pending: '审批中', approved: '已备案' };

/** `停办 列表`: upcoming and running suspensions with the SUS-07 state. */
export async function suspensionLines(ctx: Ctx, departmentCode?: string): Promise<string[]> {
  const rows = await ctx.m.find(Suspension, {
    where: {
      status: In(['pending', 'approved']),
      toDate: MoreThanOrEqual(localDate(ctx.now)),
      ...(departmentCode ? { departmentCode } : {}),
    },
    order: { fromDate: 'ASC' },
  });
  const open = seesPersonalData(ctx.actor.roles);
  return rows.map(
    (s) =>
      `${s.no} ${windowsLabel(s.windows)} ${shortDate(s.fromDate)}–${shortDate(s.toDate)} ${STATUS_CN[s.status]}｜公告${s.publicityAt ? '✅' : '⬜'} 告知${s.notifiedAt ? '✅' : '⬜'}｜咨询 ${(s.consultants ?? []).map((c) => `${c.name}${open ? c.phone : maskPhone(c.phone)}`).join('、')}`,
  );
}
