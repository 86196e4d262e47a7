import { ServiceItem } from '../../../entities/item';
import type { SimDepartment, SimPerson } from '../hall';
import { Rng } from '../prng';
import { perDay, type Action, type Activity, type SimContext } from './types';

// 办件 (CAS-01…16, CAS-24): window staff receive cases of their department's items; about one in five needs a
// 补正 and is completed and accepted the next WD; a few are paused for 现场核查 and resumed the next WD, a few
// withdrawn; the rest are finished within the limit (one in ten 1–2 WD late) and delivered the same day. 即办件 are done
// within the hour. The catalogue is the one the 事项 import would load: one 承诺 and one 即办 item per
// department (D109).

const TARGET = { small: 60, hall: 900 };
const CASES_SEED = 0xca5e;

interface Open {
  no: string;
  staff: SimPerson;
  stage: 'supplement' | 'accepted' | 'paused';
  /** WD index on which it is finished (beyond the month: stays open). */
  finishOn: number;
  pauseOn: number | null;
  withdrawOn: number | null;
}

async function seedCatalogue(ctx: SimContext, rng: Rng): Promise<void> {
  const m = ctx.driver.bot.deps.db.manager;
  if ((await m.count(ServiceItem)) > 0) return;
  const now = ctx.driver.now();
  for (const d of ctx.hall.departments) {
    for (const instant of [false, true]) {
      await m.save(
        m.create(ServiceItem, {
          code: `${d.code}-${instant ? 'JB' : 'CN'}-01`,
          name: `${d.code}${instant ? '即办' : '承诺'}事项`,
          departmentCode: d.code,
          materials: ['申请表', '身份证'],
          legalLimitWd: instant ? 0 : 20,
          promisedLimitWd: instant ? 0 : rng.int(3, 10),
          windowNumber: d.windows[0]?.number ?? null,
          instant,
          inZongchuang: true,
          fullyOnline: rng.chance(0.5),
          approvers: [d.chief.userid],
          status: '在用',
          createdAt: now,
          updatedAt: now,
          updatedBy: 'simulation',
        }),
      );
    }
  }
}

export function casesActivity(): Activity {
  // Its own draws (D109): adding cases must not change what the other domains' people do in the same month.
  const rng = new Rng(CASES_SEED);
  const open: Open[] = [];
  let seeded = false;
  return {
    name: 'cases',
    day(ctx, day) {
      const index = ctx.workdays.indexOf(day);
      if (index < 0) return [];
      const actions: Action[] = [];
      if (!seeded) {
        seeded = true;
        actions.push({ at: '08:00', what: 'catalogue', run: () => seedCatalogue(ctx, rng) });
      }
      for (const c of [...open]) {
        if (c.stage === 'supplement') actions.push({ at: '09:30', what: '补齐', run: () => complete(ctx, c) });
        else if (c.stage === 'paused') actions.push({ at: '09:40', what: '恢复', run: () => resume(ctx, c) });
        else if (c.withdrawOn === index) actions.push({ at: '14:00', what: '撤回', run: () => withdraw(ctx, c, open) });
        else if (c.pauseOn === index) actions.push({ at: '10:30', what: '中止', run: () => pause(ctx, c) });
        else if (c.finishOn === index)
          actions.push({ at: '15:00', what: '办结', run: () => finish(ctx, rng, c, open) });
      }
      const n = perDay(TARGET[ctx.scale], ctx.workdays.length, index);
      for (let i = 0; i < n; i++)
        actions.push({ at: '10:00', what: '收件', run: () => receive(ctx, rng, index, open) });
      return actions;
    },
  };
}

async function receive(ctx: SimContext, rng: Rng, index: number, open: Open[]): Promise<void> {
  const dept: SimDepartment = rng.pick(ctx.hall.departments.filter((x) => x.windows.length));
  const staff = rng.pick(dept.windows).staff;
  const instant = rng.chance(0.3);
  const d = ctx.driver;
  const r = await d.say(
    staff.userid,
    `办件 收件 事项=${dept.code}-${instant ? 'JB' : 'CN'}-01 申请人=群众${rng.int(1, 9999)} 电话=139${String(rng.int(10_000_000, 99_999_999))}`,
  );
  const no = /✅ (AJ\d{4}-\d{5})/.exec(r)?.[1];
  if (!no) return ctx.tally('cases.receive-refused');
  ctx.tally('cases.received');
  if (instant) {
    await d.say(staff.userid, `办件 受理 ${no}`);
    await d.say(staff.userid, `办件 办结 ${no} 结果=当场办结`);
    const out = await d.say(staff.userid, `办件 出件 ${no} 方式=现场`);
    ctx.tally(out.startsWith('✅') ? 'cases.instant-done' : 'cases.instant-refused');
    return;
  }
  const limit = Number(/承诺 (\d+)WD/.exec(r)?.[1] ?? 5);
  const c: Open = {
    no,
    staff,
    stage: 'accepted',
    // Most finish within the limit; about one in ten runs 1–2 WD late (CAS-18 L3, the 超期 flag).
    finishOn: index + rng.int(Math.max(1, limit - 2), limit) + (rng.chance(0.1) ? rng.int(1, 2) : 0),
    pauseOn: rng.chance(0.05) ? index + 1 : null,
    withdrawOn: rng.chance(0.05) ? index + 2 : null,
  };
  if (rng.chance(0.2)) {
    await d.say(staff.userid, `办件 补正 ${no} 材料=户口簿原件,委托书`);
    c.stage = 'supplement';
    c.finishOn++;
  } else {
    const a = await d.say(staff.userid, `办件 受理 ${no}`);
    ctx.tally(a.startsWith('✅') ? 'cases.accepted' : 'cases.accept-refused');
  }
  open.push(c);
}

async function complete(ctx: SimContext, c: Open): Promise<void> {
  await ctx.driver.say(c.staff.userid, `办件 补齐 ${c.no}`);
  const a = await ctx.driver.say(c.staff.userid, `办件 受理 ${c.no}`);
  ctx.tally(a.startsWith('✅') ? 'cases.accepted-after-supplement' : 'cases.accept-refused');
  c.stage = 'accepted';
}

async function pause(ctx: SimContext, c: Open): Promise<void> {
  const r = await ctx.driver.say(c.staff.userid, `办件 中止 ${c.no} 原因=现场核查 已告知=是`);
  if (r.startsWith('✅')) {
    c.stage = 'paused';
    c.finishOn++;
    ctx.tally('cases.paused');
  }
}

async function resume(ctx: SimContext, c: Open): Promise<void> {
  const r = await ctx.driver.say(c.staff.userid, `办件 恢复 ${c.no}`);
  c.stage = 'accepted';
  ctx.tally(r.startsWith('✅') ? 'cases.resumed' : 'cases.resume-refused');
}

async function withdraw(ctx: SimContext, c: Open, open: Open[]): Promise<void> {
  const r = await ctx.driver.say(c.staff.userid, `办件 撤回 ${c.no} 原因=申请人自愿撤回`);
  ctx.tally(r.startsWith('✅') ? 'cases.withdrawn' : 'cases.withdraw-refused');
  open.splice(open.indexOf(c), 1);
}

async function finish(ctx: SimContext, rng: Rng, c: Open, open: Open[]): Promise<void> {
  const r = await ctx.driver.say(c.staff.userid, `办件 办结 ${c.no} 结果=准予`);
  if (!r.startsWith('✅')) return ctx.tally('cases.finish-refused');
  ctx.tally(r.includes('超期') ? 'cases.finished-late' : 'cases.finished');
  const out = await ctx.driver.say(c.staff.userid, `办件 出件 ${c.no} 方式=${rng.pick(['现场', '网上'])}`);
  ctx.tally(out.startsWith('✅') ? 'cases.delivered' : 'cases.deliver-refused');
  open.splice(open.indexOf(c), 1);
}
