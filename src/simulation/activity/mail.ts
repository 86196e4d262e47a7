import { In, IsNull, MoreThanOrEqual, Not } from 'typeorm';
import { ServiceCase } from '../../../entities/case';
import { MailItem } from '../../../entities/mail-item';
import { DIRECTION, MST } from '../../domain/mail/model';
import { instantAt } from '../../kernel/time';
import { Rng } from '../prng';
import type { Action, Activity, SimContext } from './types';

// 政务专递 (000 政务专递 三(二); MAIL-02, MAIL-04, D210): about one in four 承诺件 received today asks for the result
// by post — the 首问责任人 registers `专递 寄出` right after 收件 (the entry is tied to the case from the start);
// once the case is 办结 (or 撤回, CAS-16) the registrant sends it the same afternoon (`专递 发出` with the EMS number) and sends the
// 快递存单 photo, which closes the entry. 即办件 are handed over on the spot and never mailed.

const MAIL_SEED = 0x3a11;
const SHARE = 0.25;

export function mailActivity(): Activity {
  // Its own draws (D109): mail must not change what the other domains' people do in the same month.
  const rng = new Rng(MAIL_SEED);
  return {
    name: 'mail',
    day(ctx, day) {
      if (!ctx.workdays.includes(day)) return [];
      const actions: Action[] = [
        { at: '10:10', what: '专递 寄出', run: () => register(ctx, rng, instantAt(day, '00:00')) },
        { at: '15:30', what: '专递 发出', run: () => dispatch(ctx, rng) },
      ];
      return actions;
    },
  };
}

/** Cases received today, not 即办 (limit > 0), still running: some ask for the result by post. */
async function register(ctx: SimContext, rng: Rng, dayStart: Date): Promise<void> {
  const m = ctx.driver.bot.deps.db.manager;
  const today = await m.find(ServiceCase, {
    where: { receivedAt: MoreThanOrEqual(dayStart), type: '承诺' },
    order: { id: 'ASC' },
  });
  for (const c of today) {
    if (!rng.chance(SHARE)) continue;
    const r = await ctx.driver.say(
      c.firstResponder,
      `专递 寄出 ${c.no} 联系人=${c.applicant} 电话=139${String(rng.int(10_000_000, 99_999_999))} 地址=乌审旗嘎鲁图镇${rng.int(1, 300)}号`,
    );
    ctx.tally(r.startsWith('✅') ? 'mail.registered' : 'mail.register-refused');
  }
}

/**
 * Entries waiting for 办结 whose case is now concluded — 办结, or 撤回 (CAS-16 closes it as 审批不通过, a result the
 * applicant still receives) — 发出 with the EMS number, then the 存单 photo (MAIL-04).
 */
async function dispatch(ctx: SimContext, rng: Rng): Promise<void> {
  const m = ctx.driver.bot.deps.db.manager;
  const waiting = await m.find(MailItem, {
    where: { direction: DIRECTION.out, status: MST.waiting },
    order: { id: 'ASC' },
  });
  if (!waiting.length) return;
  const done = new Set(
    (await m.find(ServiceCase, { where: { no: In(waiting.map((w) => w.caseNo)), finishedAt: Not(IsNull()) } })).map(
      (c) => c.no,
    ),
  );
  for (const w of waiting.filter((x) => done.has(x.caseNo))) {
    const r = await ctx.driver.say(
      w.handler,
      `专递 发出 ${w.no} 单号=1188${rng.int(100_000_000, 999_999_999)} 短信=是`,
    );
    if (!r.startsWith('✅')) {
      ctx.tally('mail.dispatch-refused');
      continue;
    }
    const receipt = await ctx.driver.sendImage(w.handler);
    ctx.tally(receipt.startsWith('✅') ? 'mail.sent' : 'mail.receipt-refused');
  }
}
