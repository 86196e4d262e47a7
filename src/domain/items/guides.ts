import { ItemGuide } from '../../../entities/item-guide';
import { insertRows } from '../../db';
import { openAttachmentSlot } from '../../kernel/attachments';
import type { Ctx } from '../../kernel/ctx';
import { UserError } from '../../kernel/errors';
import { type LocalDate, localDate } from '../../kernel/time';
import { findItem, GUIDE_FILE, GUIDE_KINDS } from './model';

// 事项 要点 (003 措施4, 措施7; 002 运行规范 第六条; ITM-07): the 审批部门 keep 审查要点, 办事指南 and 答疑手册
// current. Each filing is a new version row (never overwritten); the file may follow as a photo or PDF.

export const GUIDE_SUBJECT = 'item_guide';

export async function fileGuide(
  ctx: Ctx,
  ref: string,
  version: string,
  kindText: string | undefined,
  date: LocalDate | undefined,
): Promise<string> {
  const item = await findItem(ctx.m, ref);
  if (!ctx.actor.roles.includes('hall_office') && ctx.actor.departmentCode !== item.departmentCode)
    throw new UserError(`“${item.name}”属于 ${item.departmentCode}，只能由该部门或大厅管理室登记要点。`);
  const kind = GUIDE_KINDS.find((k) => k === (kindText?.trim() || '审查要点'));
  if (!kind) throw new UserError(`“类型=${kindText}”无效，可选：${GUIDE_KINDS.join('、')}`);
  const v = version.trim().replace(/^v/i, '').slice(0, 16);
  if (!v) throw new UserError('缺少版本号。例：事项 要点 1500-0001 版本=3');
  const today = localDate(ctx.now);
  const versionDate = date ?? today;
  if (versionDate > today) throw new UserError(`版本日期 ${versionDate} 晚于今天。`);
  if (await ctx.m.findOne(ItemGuide, { where: { itemCode: item.code, kind, version: v } }))
    throw new UserError(`${item.name} 的${kind} v${v} 已登记过；新版本请用新的版本号。`);
  await insertRows(ctx.m, ItemGuide, {
    itemCode: item.code,
    kind,
    version: v,
    versionDate,
    filedBy: ctx.actor.userid,
    createdAt: ctx.now,
  });
  const row = await ctx.m.findOneOrFail(ItemGuide, { where: { itemCode: item.code, kind, version: v } });
  const count = await ctx.m.count(ItemGuide, { where: { itemCode: item.code, kind } });
  await ctx.audit('item.guide', 'item', item.code, { kind, version: v, versionDate });
  // The file hangs on the version row (an item code can fill the whole 64-character owner id).
  await openAttachmentSlot(ctx, GUIDE_SUBJECT, String(row.id), GUIDE_FILE);
  return `✅ ${kind} v${v}（${versionDate}）｜${item.name}｜共${count}个版本\n可在10分钟内发送文件（PDF/照片）。`;
}
