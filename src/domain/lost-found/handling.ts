import type { LostContact, LostDisposal } from '../../../entities/lost-item';
import type { Ctx } from '../../kernel/ctx';
import { ruleRefusal, UserError } from '../../kernel/errors';
import { cnDate, localDate } from '../../kernel/time';
import { ST } from './model';
import { changeItem, itemLabel, loadOpenItem } from './store';

// The desk's other changes to an open item: 通知失主 (LST-04), 销毁登记 (LST-05), 交派出所 (LST-06),
// 交公安机关 (LST-07). Each is a new version (REC-02); the last three close the record (REC-09 keeps it).

/** 失物 通知: one contact attempt (000 遗失物品 二(2) "尽快通过电话、微信等渠道通知失主"). */
export async function logContact(ctx: Ctx, ref: string, channel: string, result: string): Promise<string> {
  const item = await loadOpenItem(ctx, ref);
  const contact: LostContact = { at: ctx.now.toISOString(), channel, result: result.trim(), by: ctx.actor.userid };
  await changeItem(ctx, item, '通知', { contacts: [...item.contacts, contact] }, { channel });
  return `✅ ${item.no} 已${channel}通知失主（第${item.contacts.length + 1}次）：${contact.result}`;
}

function disposal(ctx: Ctx, kind: LostDisposal['kind'], fields: Partial<LostDisposal>): LostDisposal {
  return {
    kind,
    date: localDate(ctx.now),
    by: ctx.actor.userid,
    reason: null,
    witness: null,
    station: null,
    receiver: null,
    ...fields,
  };
}

/** 失物 销毁: only 易变坏食物或药品, and only once its 3 days are up (000 遗失物品 二(3)). */
export async function destroyItem(ctx: Ctx, ref: string, reason: string, witness?: string): Promise<string> {
  const item = await loadOpenItem(ctx, ref);
  const cite = '000 遗失物品 二(3)';
  if (item.category !== '易坏')
    throw ruleRefusal('LST-05', cite, `${item.no} 类别为${item.category}，只有易变坏食物或药品可做销毁登记。`);
  const today = localDate(ctx.now);
  if (item.perishableDue && today < item.perishableDue)
    throw ruleRefusal(
      'LST-05',
      cite,
      `${item.no} 三天认领期未满，最早可销毁日期 ${item.perishableDue}（${cnDate(item.perishableDue)}）。`,
    );
  const d = disposal(ctx, '销毁', { reason: reason.trim(), witness: witness?.trim() || null });
  await changeItem(ctx, item, '销毁', { disposal: d, status: ST.destroyed }, { witness: !!d.witness });
  return `✅ ${item.no} ${itemLabel(item)} 已销毁登记（${d.date}，原因：${d.reason}${d.witness ? `，见证 ${d.witness}` : ''}）`;
}

/** 失物 交派出所: 贵重物品需交至当地派出所 (000 遗失物品 二(4)); any item the desk hands over is recorded. */
export async function handToStation(ctx: Ctx, ref: string, station: string, receiver: string): Promise<string> {
  const item = await loadOpenItem(ctx, ref);
  const d = disposal(ctx, '交派出所', { station: station.trim(), receiver: receiver.trim() });
  await changeItem(ctx, item, '交派出所', { disposal: d, status: ST.toStation }, { station: d.station });
  return `✅ ${item.no} 已交 ${d.station} ${d.receiver}（${d.date}）`;
}

/** 失物 交公安: 公告之日起半年内无人认领的，移交公安机关 (000 遗失物品 一(三)). */
export async function handToPolice(ctx: Ctx, ref: string, receiver: string): Promise<string> {
  const item = await loadOpenItem(ctx, ref);
  const cite = '000 遗失物品 一(三)';
  if (!item.announcedDate || !item.transferDue)
    throw ruleRefusal('LST-07', cite, `${item.no} 尚未公告招领，须自公告之日起满半年无人认领方可移交公安机关。`);
  const today = localDate(ctx.now);
  if (today < item.transferDue)
    throw ruleRefusal(
      'LST-07',
      cite,
      `${item.no} ${item.announcedDate} 公告，半年期未满，最早可移交日期 ${item.transferDue}。`,
    );
  if (!receiver.trim()) throw new UserError('请写明 接收人=');
  const d = disposal(ctx, '交公安', { station: '公安机关', receiver: receiver.trim() });
  await changeItem(ctx, item, '交公安', { disposal: d, status: ST.toPolice }, {});
  return `✅ ${item.no} 已交公安机关（接收人 ${d.receiver}，${d.date}）`;
}
