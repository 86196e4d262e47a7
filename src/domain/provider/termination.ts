import { randomBytes } from 'node:crypto';
import { ProviderEvent } from '../../../entities/provider-event';
import { ProviderScore } from '../../../entities/provider-score';
import { insertRows } from '../../db';
import { openAttachmentSlot } from '../../kernel/attachments';
import type { CardClick } from '../../kernel/card';
import { greyClickedCard } from '../../kernel/card-reply';
import type { Ctx } from '../../kernel/ctx';
import { usersWithRole } from '../../kernel/directory';
import { ruleRefusal, UserError } from '../../kernel/errors';
import { nextRecordNo, normaliseRecordRef } from '../../kernel/numbers';
import { addMonths, localDate, yearOf } from '../../kernel/time';
import { buttonCard, taskIdFor } from '../../wecom/cards';

// PRF-07 (002 绩效方案 四(一)–(六)): grounds for ending the provider's contract. Ground (3), 连续两个月不达标, is
// raised by the bot when the second such score is entered; the others are recorded by the 考核小组 with evidence.
// Each goes to the 中心领导 as a card they acknowledge (`ack:ZZ…`); the decision itself is theirs, off the bot.

export const GROUNDS: Record<number, string> = {
  1: '违反法律法规',
  2: '不履行合同约定，存在吃拿卡要、收受回扣等廉洁问题',
  3: '服务质量不达标，连续两个月考核不达标',
  4: '窗口未及时向审批部门流转材料，造成延误、损失和不良影响',
  5: '服务态度、质量问题被媒体曝光或纪委监委批评且未整改',
  6: '其他严重违约情形或考核小组认定',
};

const cn = (month: string) => `${Number(month.slice(5))}月`;

async function raise(ctx: Ctx, ground: number, note: string): Promise<string> {
  const no = await nextRecordNo(ctx.m, 'ZZ', yearOf(localDate(ctx.now)));
  await insertRows(ctx.m, ProviderEvent, {
    kind: '终止',
    period: no,
    ground,
    note,
    status: '待确认',
    by: ctx.actor.userid,
    at: ctx.now,
  });
  await ctx.audit('provider.termination-ground', 'provider_event', no, { ground, note });
  const leaders = (await usersWithRole(ctx.m, 'leader')).map((p) => p.userid);
  const card = buttonCard({
    taskId: taskIdFor(no, 'ground', randomBytes(3).toString('hex')),
    title: `综窗服务商 合同终止事由(${ground}) ${no}`,
    desc: GROUNDS[ground],
    subTitle: note,
    fields: [{ key: '依据', value: `PRF-07（002 绩效方案 四(${'一二三四五六'[ground - 1]})）` }],
    buttons: [{ text: '已阅', key: `ack:${no}`, style: 1 }],
  });
  if (leaders.length) await ctx.send({ user: leaders }, { card }, `provider-ground:${no}`);
  return no;
}

/** After every score entry: a second consecutive 不达标 raises ground (3) once for that pair; returns the warning. */
export async function flagConsecutiveFailures(ctx: Ctx, month: string): Promise<string | null> {
  const prev = addMonths(`${month}-01`, -1).slice(0, 7);
  const [a, b] = await Promise.all([
    ctx.m.findOne(ProviderScore, { where: { month: prev } }),
    ctx.m.findOne(ProviderScore, { where: { month } }),
  ]);
  if (a?.band !== '不达标' || b?.band !== '不达标') return null;
  const note = `${prev}、${month} 连续两个月不达标`;
  if (await ctx.m.findOne(ProviderEvent, { where: { kind: '终止', ground: 3, note } })) return null;
  const no = await raise(ctx, 3, note);
  return `⚠️ ${cn(prev)}、${cn(month)}连续两个月不达标，已记录合同终止事由(3) ${no} 并报中心领导（rule PRF-07）。`;
}

/** `考核 终止事由 <1-6> 说明=…` — (3) is the bot's own; the others open a slot for the evidence. */
export async function recordGround(ctx: Ctx, ground: number, note: string): Promise<string> {
  if (ground === 3)
    throw ruleRefusal(
      'PRF-07',
      '002 绩效方案 四(三)',
      '事由(3) 连续两个月不达标 由录入的月度分数自动认定，无需手工登记。',
    );
  if (!GROUNDS[ground]) throw new UserError('终止事由应为 1–6。');
  const no = await raise(ctx, ground, note);
  await openAttachmentSlot(ctx, 'provider_event', no, '终止事由证据');
  return `✅ 已记录终止事由(${ground}) ${no}，已报中心领导。请在10分钟内发送证据照片或文件。`;
}

/** `ack:ZZ…` holders: the 中心领导. */
export async function groundAckers(ctx: Ctx): Promise<string[]> {
  return (await usersWithRole(ctx.m, 'leader')).map((p) => p.userid);
}

export async function ackGround(ctx: Ctx, ref: string, click: CardClick): Promise<void> {
  const no = normaliseRecordRef(ref.toUpperCase(), 'ZZ', yearOf(localDate(ctx.now))) ?? ref;
  const res = await ctx.m.update(ProviderEvent, { kind: '终止', period: no, status: '待确认' }, { status: '已确认' });
  if ((res.affected ?? 0) !== 1) {
    await ctx.reply(`已处理：${no} 已由中心领导确认。`);
    return;
  }
  await ctx.audit('provider.termination-ground.ack', 'provider_event', no, {});
  await greyClickedCard(ctx, click, '已阅');
  await ctx.reply(`✅ ${no} 已阅`);
}
