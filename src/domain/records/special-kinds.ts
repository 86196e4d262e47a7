import { Like } from 'typeorm';
import { Approval } from '../../../entities/approval';
import { Complaint } from '../../../entities/complaint';
import { ComplaintParty } from '../../../entities/complaint-party';
import { LostItem } from '../../../entities/lost-item';
import { Notice } from '../../../entities/notice';
import type { Ctx } from '../../kernel/ctx';
import { UserError } from '../../kernel/errors';
import type { RecordKind, RecordRow } from '../../kernel/record-kind';
import { localDate, yearOf } from '../../kernel/time';
import { getSetting } from '../../settings/settings';
import { findNoticeByNo, parseNoticeRef, showNoticeNo } from '../briefings/numbering';
import { CLOSED } from '../complaints/model';
import { updateComplaint } from '../complaints/store';
import { assertMayView as assertMayViewComplaint } from '../complaints/view';
import { correctAnnouncedDate } from '../lost-found/announce';
import { OPEN_STATUSES } from '../lost-found/model';
import { changeItem } from '../lost-found/store';
import { byNo, yearlyRef } from './by-no';
import { complaintPrintForm } from './complaint-form';
import { talkPrintForm } from './talk-form';

// The RECORD_KINDS rows whose records keep their own versions or numbers (REC-02, REC-09): complaints and lost
// items version every change; notices are numbered only at release; approvals are the trail itself.

/** 投诉 TS: corrected through the complaint's own version counter; a corrected 受理日期 moves its clocks. */
export const complaintRecord: RecordKind = {
  prefix: 'TS',
  label: '投诉',
  subjectType: 'complaint',
  normalise: yearlyRef('TS'),
  ...byNo(Complaint, 'TS', 'complaint'),
  async assertMayView(ctx, rec) {
    const parties = await ctx.m.find(ComplaintParty, { where: { complaintNo: rec.no } });
    assertMayViewComplaint(
      ctx.actor,
      rec.row as unknown as Complaint,
      parties.map((p) => p.departmentCode),
    );
  },
  printForm: complaintPrintForm,
  // REC-03: an archived (or otherwise ended) case is the archive's copy.
  evidence: (rec) => (CLOSED.includes(rec.status) ? `投诉${rec.status}` : null),
  fields: [
    { name: '事项', column: 'matter', type: 'text' },
    { name: '要求', column: 'demand', type: 'text' },
    { name: '联系电话', column: 'complainantPhone', type: 'text' },
    { name: '地址', column: 'complainantAddress', type: 'text' },
    { name: '受理日期', column: 'receivedDate', type: 'date', drivesDeadlines: true },
  ],
  async correct(ctx, rec, field, value, reason) {
    const c = rec.row as unknown as Complaint;
    const patch: Partial<Complaint> = { [field.column]: value };
    if (field.column === 'receivedDate') {
      // The clocks ran from the receipt instant: keep its time of day on the corrected date.
      const shift = Date.parse(`${String(value)}T00:00:00+08:00`) - Date.parse(`${c.receivedDate}T00:00:00+08:00`);
      patch.receivedAt = new Date(c.receivedAt.getTime() + shift);
    }
    // REC-01: the complainant's phone and address never enter an audit row.
    const personal = field.column.startsWith('complainant');
    await updateComplaint(ctx, c, patch, 'complaint.correct', {
      field: field.name,
      previous: personal ? '（个人信息）' : (c as unknown as Record<string, unknown>)[field.column],
      value: personal ? '（个人信息）' : value,
      reason,
    });
  },
};

/** 遗失物品 SW: every change is a new lost_item_version (REC-02); 公告日期 restarts the 半年 clock (LST-07). */
export const lostItemRecord: RecordKind = {
  prefix: 'SW',
  label: '遗失物品',
  subjectType: 'lost_item',
  normalise: yearlyRef('SW'),
  ...byNo(LostItem, 'SW', 'lost_item'),
  // The desk's guides keep the register (LST-02): anyone on the desk may read its history, masked per D18.
  assertMayView: () => Promise.resolve(),
  evidence: (rec) => (OPEN_STATUSES.includes(rec.status) ? null : `记录${rec.status}，已关闭`),
  fields: [
    { name: '物品名称', column: 'name', type: 'text' },
    { name: '数量', column: 'quantity', type: 'int' },
    { name: '特征', column: 'features', type: 'text' },
    { name: '拾获地点', column: 'foundPlace', type: 'text' },
    { name: '存放位置', column: 'storage', type: 'text' },
    { name: '公告日期', column: 'announcedDate', type: 'date', drivesDeadlines: true },
  ],
  async correct(ctx, rec, field, value, reason) {
    const item = rec.row as unknown as LostItem;
    if (field.column === 'announcedDate') {
      await correctAnnouncedDate(ctx, item.no, String(value));
      return;
    }
    const previous = (item as unknown as Record<string, unknown>)[field.column];
    await changeItem(ctx, item, '更正', { [field.column]: value }, { field: field.name, previous, value, reason });
  },
};

/** 督通 notices: found by any typed form of the number; audit rows before release sit under the period key. */
export const noticeRecord: RecordKind = {
  prefix: '督通',
  label: '通报',
  subjectType: 'notice',
  async normalise(ctx, ref) {
    const prefix = await getSetting(ctx.m, 'notice.numberPrefix');
    return parseNoticeRef(ref, prefix, yearOf(localDate(ctx.now)));
  },
  async load(ctx, no) {
    const n = await findNoticeByNo(ctx.m, no);
    if (!n?.no) return null;
    return { no: n.no, departmentCode: n.departmentCode, status: n.status, row: n as never, aliases: [n.periodKey] };
  },
  async numbers(ctx) {
    const prefix = await getSetting(ctx.m, 'notice.numberPrefix');
    const rows = await ctx.m.find(Notice, { where: { no: Like(`${prefix}%`) } });
    return rows.map((n) => showNoticeNo(n.no!));
  },
  // REC-06: an approved notice is evidence; before approval it is edited with 通报 修改.
  evidence: (rec) => (['已批准', '已发布'].includes(rec.status) ? `通报${rec.status}` : null),
  printForm: talkPrintForm, // a 约谈 notice only (D218)
  fields: [],
};

/** 审批 SP: the approval is the trail itself; its people and the oversight roles may read it. */
export const approvalRecord: RecordKind = {
  prefix: 'SP',
  label: '审批',
  subjectType: 'approval',
  normalise: yearlyRef('SP', 5),
  ...byNo(Approval, 'SP', 'approval'),
  assertMayView(ctx: Ctx, rec: RecordRow) {
    const a = rec.row as unknown as Approval;
    const own = a.requester === ctx.actor.userid || a.departmentCode === ctx.actor.departmentCode;
    const oversight = ctx.actor.roles.some((r) => ['hall_office', 'leader', 'supervisor'].includes(r));
    if (!own && !oversight) throw new UserError(`你不能查看 ${a.no}。`);
    return Promise.resolve();
  },
  evidence: (rec) => (rec.status === 'pending' ? null : '审批已结束'),
  fields: [],
};
