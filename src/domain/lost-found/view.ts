import { In } from 'typeorm';
import { LostItem } from '../../../entities/lost-item';
import type { Ctx } from '../../kernel/ctx';
import { replyList } from '../../kernel/replies';
import { localDate, localStamp, shortDate } from '../../kernel/time';
import { CATEGORY_LABEL, type Category, DISPOSAL_LABEL, OPEN_STATUSES, ST } from './model';
import { idNumberFor, personalText } from './privacy';
import { itemLabel, loadItem, shortNo } from './store';

// 失物 列表 / 失物 查看 (LST-01; D18/REC-07 masking through ./privacy).

export type ListFilter = '在库' | '已公告' | '到期';

const perishableDue = (i: LostItem, today: string) =>
  i.category === '易坏' && !!i.perishableDue && i.perishableDue <= today;
const transferDue = (i: LostItem, today: string) => !!i.transferDue && i.transferDue <= today;

function flags(i: LostItem, today: string): string {
  const f: string[] = [];
  if (i.category !== '一般') f.push(i.category);
  if (perishableDue(i, today)) f.push(`易坏到期 ${shortDate(i.perishableDue!)}`);
  if (i.transferDue) f.push(`${transferDue(i, today) ? '半年到期' : '交公安'} ${shortDate(i.transferDue)}`);
  if (i.claim && i.claim.signatureId === null) f.push('认领待签字');
  return f.length ? `｜${f.join('｜')}` : '';
}

export async function listItems(ctx: Ctx, filter?: ListFilter): Promise<void> {
  const today = localDate(ctx.now);
  const open = await ctx.m.find(LostItem, { where: { status: In(OPEN_STATUSES) }, order: { id: 'ASC' } });
  const counts = `在库 ${open.length}｜易坏到期 ${open.filter((i) => perishableDue(i, today)).length}｜半年到期 ${open.filter((i) => transferDue(i, today)).length}｜贵重待交 ${open.filter((i) => i.category === '贵重').length}`;
  const shown =
    filter === '到期'
      ? open.filter((i) => perishableDue(i, today) || transferDue(i, today))
      : filter
        ? open.filter((i) => i.status === filter)
        : open;
  const lines = shown.map(
    (i) =>
      `${shortNo(i.no, ctx.now)} ${itemLabel(i)}｜${i.status}｜${shortDate(i.foundDate)} ${i.foundPlace}｜${i.storage ?? '—'}${flags(i, today)}`,
  );
  await replyList(ctx, counts, lines, filter ? `没有${filter}的物品。` : '没有在库物品。');
}

export async function viewItem(ctx: Ctx, ref: string): Promise<string> {
  const i = await loadItem(ctx, ref);
  const today = localDate(ctx.now);
  const lines = [
    `${i.no} ${itemLabel(i)}｜${i.status}（${i.statusDate}）`,
    `特征：${i.features}`,
    `拾获：${i.foundDate}${i.foundTime ? ` ${i.foundTime}` : ''} ${i.foundPlace}${i.finder ? `，拾获人 ${i.finder}` : ''}`,
    `接收：${i.receivedBy}｜完好情况：${i.intact ?? '未填'}｜存放：${i.storage ?? '未填'}`,
    `类别：${CATEGORY_LABEL[i.category as Category] ?? i.category}${i.perishableDue ? `（${i.perishableDue} 到期${perishableDue(i, today) ? '，已到期' : ''}）` : ''}`,
  ];
  if (i.ownerInfo) lines.push(`失主信息：${personalText(ctx.actor, i.ownerInfo)}`);
  for (const c of i.contacts) lines.push(`通知：${localStamp(new Date(c.at))} ${c.channel} ${c.result}（${c.by}）`);
  if (i.ownerInfo && !i.contacts.length) lines.push('通知：尚未通知失主（rule LST-04）');
  if (i.announcedDate) lines.push(`公告日期：${i.announcedDate}｜交公安期限：${i.transferDue}`);
  if (i.claim) {
    const c = i.claim;
    lines.push(
      `认领：${DISPOSAL_LABEL[c.method]}｜${c.name ?? ''} ${c.idType} ${idNumberFor(ctx.actor, c.idNumber)}${c.proxy ? `｜代领人 ${c.proxy}` : ''}${c.consent ? `｜失主同意：${c.consent}` : ''}${c.address ? `｜邮寄地址 ${personalText(ctx.actor, c.address)}（失主付费）` : ''}`,
      `签字：${c.signatureId ? '已收到签字照片' : new Date(c.until) < ctx.now ? '未收到（已逾时，未放行）' : '待发送签字照片'}`,
    );
  }
  if (i.disposal) {
    const d = i.disposal;
    lines.push(
      `处置：${DISPOSAL_LABEL[d.kind]} ${d.date}（${d.by}）${d.reason ? `｜原因 ${d.reason}` : ''}${d.witness ? `｜见证 ${d.witness}` : ''}${d.station && d.kind === '交派出所' ? `｜${d.station}` : ''}${d.receiver ? `｜接收人 ${d.receiver}` : ''}`,
    );
  }
  if (i.status === ST.cancelled) lines.push(`注销：${i.cancelledDate}（${i.cancelledBy}）`);
  lines.push(`版本 ${i.version}（${localStamp(i.updatedAt)} ${i.updatedBy}）`);
  return lines.join('\n');
}
