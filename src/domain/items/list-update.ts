import { ServiceItem } from '../../../entities/item';
import { ItemChange } from '../../../entities/item-change';
import { closeDeadline, findDeadline } from '../../calendar/deadlines';
import { insertRows } from '../../db';
import type { Ctx } from '../../kernel/ctx';
import { UserError } from '../../kernel/errors';
import { normaliseRecordRef } from '../../kernel/numbers';
import { localDate, yearOf } from '../../kernel/time';
import { SX, SX_PREFIX, SX_SUBJECT, UPDATE_CLOCK } from './model';

// 事项 更新 <SX号> (000 事项动态 第四条; ITM-04): 大厅管理室, for the 旗政务服务局, records that the center's list
// was updated — a 新增 enters the catalogue, a 取消 leaves it (kept, marked 已取消), a 变更 is noted (its
// details are set with 事项 设置) — and stops the SX clock (D122).

export async function loadChange(ctx: Ctx, ref: string): Promise<ItemChange> {
  const no = normaliseRecordRef(ref, SX_PREFIX, yearOf(localDate(ctx.now)));
  const c = no ? await ctx.m.findOne(ItemChange, { where: { no } }) : null;
  if (!c) throw new UserError(`没有 ${no ?? ref}。例：事项 更新 SX2026-0005（或 SX5）`);
  return c;
}

export async function updateList(ctx: Ctx, ref: string, code?: string): Promise<string> {
  const c = await loadChange(ctx, ref);
  if (c.status !== SX.due)
    throw new UserError(
      `${c.no} 当前状态为“${c.status}”，${c.status === SX.done ? '清单已更新' : '未通过中心初审，不能更新清单'}。`,
    );
  const today = localDate(ctx.now);
  let itemCode = c.itemCode;
  if (c.changeType === '新增') {
    itemCode = code?.trim() || c.itemCode;
    if (!itemCode) throw new UserError(`新增事项须给出事项编码：事项 更新 ${c.no} 编码=…`);
    const existing = await ctx.m.findOne(ServiceItem, { where: { code: itemCode } });
    if (existing?.status === '在用') throw new UserError(`编码 ${itemCode} 已是在用事项“${existing.name}”。`);
    const approvers = c.approvers ? c.approvers.split('、') : null;
    if (existing)
      await ctx.m.update(
        ServiceItem,
        { id: existing.id },
        {
          name: c.itemName,
          departmentCode: c.departmentCode,
          approvers,
          status: '在用',
          updatedAt: ctx.now,
          updatedBy: ctx.actor.userid,
        },
      );
    else
      await insertRows(ctx.m, ServiceItem, {
        code: itemCode,
        name: c.itemName,
        departmentCode: c.departmentCode,
        basis: null,
        conditions: null,
        materials: null,
        process: null,
        legalLimitWd: null,
        promisedLimitWd: null,
        limitBasis: null,
        place: null,
        hours: null,
        consultPhone: null,
        supervisePhone: null,
        windowNumber: null,
        fees: null,
        instant: false,
        inZongchuang: false,
        fullyOnline: false,
        approvers,
        status: '在用',
        createdAt: ctx.now,
        updatedAt: ctx.now,
        updatedBy: ctx.actor.userid,
      });
  } else if (c.changeType === '取消' && itemCode) {
    await ctx.m.update(
      ServiceItem,
      { code: itemCode },
      { status: '已取消', updatedAt: ctx.now, updatedBy: ctx.actor.userid },
    );
  }
  await ctx.m.update(
    ItemChange,
    { id: c.id },
    {
      status: SX.done,
      itemCode,
      listUpdatedDate: today,
      listUpdatedBy: ctx.actor.userid,
      updatedAt: ctx.now,
    },
  );
  const clock = await findDeadline(ctx.m, SX_SUBJECT, c.no, UPDATE_CLOCK);
  const late = clock && clock.dueAt < ctx.now ? `（逾期，应于 ${clock.dueDate} 前）` : '';
  if (clock) await closeDeadline(ctx.m, ctx.now, ctx.actor.userid, clock, '已更新');
  await ctx.audit('item.list.update', SX_SUBJECT, c.no, { type: c.changeType, itemCode });
  const short = `${SX_PREFIX}${Number(c.no.slice(-4))}`;
  const what = c.changeType === '变更' ? '，变更内容请用 事项 设置 录入' : '';
  return `✅ ${short} 已更新清单${late}：${c.changeType} ${c.itemName}${itemCode ? `（${itemCode}）` : ''}${what}`;
}
