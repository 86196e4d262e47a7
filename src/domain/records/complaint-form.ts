import { ComplaintParty } from '../../../entities/complaint-party';
import type { Complaint } from '../../../entities/complaint';
import type { Ctx } from '../../kernel/ctx';
import { personName } from '../../kernel/directory';
import { maskAddress, maskName, maskPhone, seesPersonalData } from '../../kernel/mask';
import type { PrintForm, PrintRow } from '../../kernel/record-kind';
import { localDate, localTime } from '../../kernel/time';
import { fullCnDate } from '../../reports/official-doc';
import { matterText, opinionText } from '../complaints/view';

// The printed 投诉登记表 (000 投诉处理 三(1): 全过程登记 from 受理 through 调查 to 处理 and 答复). The seeds name the
// form without its fields; the rows follow the field list of the rulebook's §3 (docs/rules.md) (OPEN #14). The registration form is the
// archive's copy (000 投诉处理 三(五)), so it prints once, kept by 大厅管理室 (D71). REC-01/D18: a viewer without
// 大厅管理室 or leader roles sees the complainant masked, and a 保密 complainant not at all.

const stamp = (at: Date | null) => (at ? `${fullCnDate(localDate(at))} ${localTime(at)}` : '');
const day = (d: string | null) => (d ? fullCnDate(d) : '');

function complainant(ctx: Ctx, c: Complaint): { name: string; phone: string; address: string } {
  if (seesPersonalData(ctx.actor.roles)) {
    return { name: c.complainantName ?? '匿名', phone: c.complainantPhone ?? '', address: c.complainantAddress ?? '' };
  }
  if (c.confidential) return { name: '保密', phone: '保密', address: '保密' };
  return {
    name: c.complainantName ? maskName(c.complainantName) : '匿名',
    phone: maskPhone(c.complainantPhone),
    address: maskAddress(c.complainantAddress),
  };
}

async function referrals(ctx: Ctx, c: Complaint): Promise<{ sent: string; done: string }> {
  const parties = await ctx.m.find(ComplaintParty, { where: { complaintNo: c.no }, order: { id: 'ASC' } });
  const sent = parties.map((p) => `${p.departmentCode}${p.sentAt ? `（${day(localDate(p.sentAt))}转交）` : ''}`);
  const done = parties.filter((p) => p.report).map((p) => `${p.departmentCode}：${p.report ?? ''}`);
  return { sent: sent.join('、'), done: done.join('\n') };
}

export const complaintPrintForm: PrintForm = {
  title: '投诉登记表',
  async rows(ctx, rec): Promise<PrintRow[]> {
    const c = rec.row as unknown as Complaint;
    const who = complainant(ctx, c);
    const r = await referrals(ctx, c);
    const satisfaction = [c.satisfaction, c.dissatisfiedReason].filter(Boolean).join('：');
    return [
      { label: '投诉时间', value: stamp(c.receivedAt) },
      { label: '投诉方式', value: c.channel },
      { label: '投诉人', value: who.name },
      { label: '联系电话', value: who.phone },
      { label: '通讯地址', value: who.address },
      { label: '是否要求保密', value: c.confidential ? '是' : '否' },
      { label: '被投诉对象', value: c.respondentLabel },
      { label: '投诉事项', value: matterText(c, ctx.actor) },
      { label: '原因', value: c.cause ?? '' },
      { label: '解决要求', value: c.demand ?? '' },
      { label: '类别', value: c.category },
      { label: '性质', value: c.type === '投诉' ? c.nature : c.type },
      { label: '调查记录（投诉人）', value: c.recordComplainant ?? '' },
      { label: '调查记录（被投诉对象）', value: c.recordRespondent ?? '' },
      { label: '处理方式', value: c.handlingMode ?? '' },
      { label: '处理意见', value: opinionText(c) },
      { label: '转交部门', value: r.sent },
      { label: '落实情况', value: r.done },
      { label: '答复日期 · 答复方式', value: [stamp(c.repliedAt), c.replyMethod].filter(Boolean).join(' · ') },
      { label: '满意度', value: satisfaction },
      { label: '结果', value: [c.outcome, c.closeReason].filter(Boolean).join('：') },
      { label: '结果运用', value: (c.outcomeUse ?? []).join('、') },
      {
        label: '经办人 · 归档日期',
        value: [await personName(ctx.m, c.handler), day(c.archivedDate)].filter(Boolean).join(' · '),
      },
    ];
  },
  // 情节较重 cases carry the 分管领导 → 主要领导 approval (CMP-12); its steps are appended in order.
  signatures: [],
  note: '',
  copies: ['旗政务服务中心大厅管理室存档'],
};
