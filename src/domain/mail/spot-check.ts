import { createHash } from 'node:crypto';
import { Between, In } from 'typeorm';
import { MailItem } from '../../../entities/mail-item';
import { MailSample } from '../../../entities/mail-sample';
import { insertRows } from '../../db';
import type { Ctx } from '../../kernel/ctx';
import { UserError } from '../../kernel/errors';
import { monthBounds } from '../../kernel/time';
import { getSetting } from '../../settings/settings';
import { recordDeduction } from '../performance';
import { loadMail, MAIL_SUBJECT, shortYj } from './model';

// 政务专递 spot check (000 政务专递 四(二); MAIL-06, OPEN #49): each month, N entries per window (all if
// fewer) are drawn once and kept, so the job's re-run and `专递 抽查` show the same sample. The order within a
// window is a hash of month and number — random to the windows, reproducible for the record (D126, D127).

export interface Sample {
  month: string;
  byWindow: Map<string, string[]>;
  total: number;
}

const windowKey = (m: MailItem) => m.windowNumber ?? m.departmentCode ?? '服务台';
const rank = (month: string, no: string) => createHash('sha256').update(`${month}|${no}`).digest('hex');

export async function drawSample(ctx: Ctx, month: string): Promise<Sample> {
  let rows = await ctx.m.find(MailSample, { where: { month }, order: { windowKey: 'ASC', id: 'ASC' } });
  if (rows.length === 0) {
    const { first, last } = monthBounds(`${month}-01`);
    const entries = await ctx.m.find(MailItem, { where: { date: Between(first, last) }, order: { id: 'ASC' } });
    const n = await getSetting(ctx.m, 'mail.samplePerWindow');
    const groups = new Map<string, MailItem[]>();
    for (const e of entries) groups.set(windowKey(e), [...(groups.get(windowKey(e)) ?? []), e]);
    for (const [key, list] of [...groups].sort(([a], [b]) => a.localeCompare(b))) {
      const picked = [...list].sort((a, b) => rank(month, a.no).localeCompare(rank(month, b.no))).slice(0, n);
      for (const p of picked)
        await insertRows(
          ctx.m,
          MailSample,
          { month, windowKey: key, mailNo: p.no, drawnAt: ctx.now },
          { orIgnore: true },
        );
    }
    rows = await ctx.m.find(MailSample, { where: { month }, order: { windowKey: 'ASC', id: 'ASC' } });
    if (rows.length)
      await ctx.audit('mail.sample', MAIL_SUBJECT, month, { entries: rows.length, windows: groups.size });
  }
  const byWindow = new Map<string, string[]>();
  for (const r of rows) byWindow.set(r.windowKey, [...(byWindow.get(r.windowKey) ?? []), r.mailNo]);
  return { month, byWindow, total: rows.length };
}

const label = (key: string) => (/^\d+$/.test(key) ? `${key}号窗` : key);

/** `3月抽查：41个窗口，共 168 条` and the numbers per window (optionally one window). */
export async function sampleText(ctx: Ctx, month: string, window?: string): Promise<string> {
  const s = await drawSample(ctx, month);
  const head = `${Number(month.slice(5))}月抽查：${s.byWindow.size}个窗口，共 ${s.total} 条（每窗口${await getSetting(ctx.m, 'mail.samplePerWindow')}条，不足全抽）`;
  if (s.total === 0) return `${Number(month.slice(5))}月没有政务专递条目，无需抽查。`;
  const keys = [...s.byWindow.keys()].filter((k) => !window || k === window);
  if (window && keys.length === 0) return `${head}\n${label(window)} 本月无条目。`;
  const checked = await ctx.m.find(MailItem, { where: { no: In([...s.byWindow.values()].flat()) } });
  const result = new Map(checked.map((m) => [m.no, m.checkResult]));
  const lines = keys.map(
    (k) =>
      `${label(k)}：${s.byWindow
        .get(k)!
        .map((no) => `${shortYj(no, ctx.now)}${result.get(no) ? `（${result.get(no)}）` : ''}`)
        .join('、')}`,
  );
  return [head, ...lines, '逐条判定：专递 判定 <YJ号> 合规|不合规 说明=…'].join('\n');
}

/** 专递 判定 <YJ号> 合规|不合规 说明=… [补缴=元]: 不合规 → PRF-14 扣分事件 + 补缴快递费 (MAIL-06). */
export async function judge(ctx: Ctx, ref: string, verdict: string, note: string, repay?: number): Promise<string> {
  const mail = await loadMail(ctx, ref);
  if (!['合规', '不合规'].includes(verdict)) throw new UserError(`判定应为 合规 或 不合规（“${verdict}”无效）`);
  if (mail.checkResult) throw new UserError(`${mail.no} 已判定为${mail.checkResult}（${mail.checkNote ?? ''}）。`);
  const short = shortYj(mail.no, ctx.now);
  if (verdict === '合规') {
    await ctx.m.update(
      MailItem,
      { id: mail.id },
      { checkResult: '合规', checkNote: note, checkedBy: ctx.actor.userid, updatedAt: ctx.now },
    );
    await ctx.audit('mail.check', MAIL_SUBJECT, mail.no, { verdict, note });
    return `✅ ${short} 合规`;
  }
  const kf = await recordDeduction(ctx, {
    departmentCode: mail.departmentCode,
    personUserid: mail.handler,
    rule: 'MAIL-06',
    source: mail.no,
    note: `政务专递不属免费范围：${note}`,
  });
  await ctx.m.update(
    MailItem,
    { id: mail.id },
    {
      eligible: false,
      checkResult: '不合规',
      checkNote: note,
      checkedBy: ctx.actor.userid,
      deductionNo: kf,
      repayYuan: repay ?? null,
      updatedAt: ctx.now,
    },
  );
  await ctx.audit('mail.check', MAIL_SUBJECT, mail.no, { verdict, note, deduction: kf, repay: repay ?? null });
  const fee = repay === undefined ? '补缴快递费（金额待核定）' : `补缴 ${repay}元`;
  await ctx.send(
    { user: mail.handler },
    {
      text: `${short}（${mail.caseNo}）经抽查不属于政务专递免费范围：${note}。扣分事件 ${kf}，须${fee}（rule MAIL-06）。`,
    },
    `mail:${mail.no}:check`,
  );
  return `✅ ${short} 不合规：扣分事件 ${kf}，${fee}`;
}

/** mail-spot-check (1st WD 09:30): the month just ended, drawn once, to G-OFFICE. */
export async function monthlySpotCheck(ctx: Ctx, month: string): Promise<{ sampled: number }> {
  const text = await sampleText(ctx, month);
  const s = await drawSample(ctx, month);
  await ctx.send({ group: 'G-OFFICE' }, { text: `📮 政务专递${text}` }, `mail-spot-check:${month}`);
  return { sampled: s.total };
}
