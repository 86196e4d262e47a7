import { ShortAbsence } from '../../../entities/short-absence';
import { addDays, isoWeekday, type LocalDate } from '../../kernel/time';
import { perDay, type Activity, type Action, type SimContext } from './types';

// Presence (ATT-03/04/08, DIR-12, STF-11): guides sign in at the 08:20 晨会 (a few late); window staff step away a
// few times a day, some past 15 minutes; now and then a guide asks for a short absence (replacement confirms,
// the 区域领导 or 大厅管理室 approves) and sometimes overstays; the 综窗 records its 晨会 and 夕会 and a weekly
// training (some weeks none); 大厅管理室 fills next week's 带班表 on Friday (some weeks late, so the 15:00 check
// reminds).

const ABSENCES = { small: 40, hall: 160 };
const LEADERS = ['liu', 'chen', 'sun'];
const ZONE_LEAD = 'zhouqiang';

export function presenceActivity(): Activity {
  return {
    name: 'presence',
    day(ctx, day) {
      const index = ctx.workdays.indexOf(day);
      if (index < 0) return [];
      const office = ctx.hall.office[0];
      const actions: Action[] = [];
      if (index === 0) actions.push({ at: '08:05', what: 'roster this week', run: () => fillRoster(ctx, day, false) });
      for (const g of ctx.hall.guides) {
        const late = ctx.rng.chance(0.08);
        actions.push({ at: late ? '08:29' : '08:18', what: '晨会 到', run: () => rollcall(ctx, g, late) });
      }
      const provider = ctx.hall.departments.find((d) => d.code === 'ZH');
      if (provider) {
        actions.push({
          at: '08:45',
          what: '综窗 晨会',
          run: () => meeting(ctx, provider.chief.userid, '晨会', provider),
        });
        actions.push({
          at: '17:40',
          what: '综窗 夕会',
          run: () => meeting(ctx, provider.chief.userid, '夕会', provider),
        });
        if (isoWeekday(day) === 3 && ctx.rng.chance(0.8))
          actions.push({ at: '16:00', what: '综窗 培训', run: () => training(ctx, provider.chief.userid) });
      }
      const windows = ctx.hall.departments.flatMap((d) => d.windows.map((w) => w.staff));
      for (let i = 0; i < perDay(ABSENCES[ctx.scale], ctx.workdays.length, index); i++) {
        const who = ctx.rng.pick(windows);
        const start = `${String(ctx.rng.int(9, 10)).padStart(2, '0')}:${String(ctx.rng.int(0, 5) * 10).padStart(2, '0')}`;
        const away = ctx.rng.chance(0.15) ? ctx.rng.int(16, 25) : ctx.rng.int(3, 14);
        actions.push({
          at: start,
          what: '暂离',
          run: () => tally(ctx, 'absence.staff', ctx.driver.say(who.userid, '暂离')),
        });
        actions.push({
          at: plus(start, away),
          what: '回岗',
          run: () => tally(ctx, 'absence.back', ctx.driver.say(who.userid, '回岗')),
        });
      }
      if (ctx.hall.guides.length >= 2 && index % 3 === 1) {
        const [g, r] = ctx.rng.chance(0.5) ? ctx.hall.guides : [...ctx.hall.guides].reverse();
        actions.push({ at: '14:40', what: '暂离 申请', run: () => guideAbsence(ctx, g, r, office) });
        const over = ctx.rng.chance(0.25);
        actions.push({
          at: over ? '14:55' : '14:49',
          what: '导服 回岗',
          run: () => tally(ctx, 'guide-absence.back', ctx.driver.say(g, '回岗')),
        });
      }
      if (isFridayCheckDay(ctx, day))
        actions.push({
          at: ctx.rng.chance(0.2) ? '16:00' : '11:00',
          what: 'roster next week',
          run: () => fillRoster(ctx, day, true),
        });
      return actions;
    },
  };
}

const plus = (hhmm: string, minutes: number) => {
  const t = Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3)) + minutes;
  return `${String(Math.floor(t / 60)).padStart(2, '0')}:${String(t % 60).padStart(2, '0')}`;
};

async function tally(ctx: SimContext, key: string, reply: Promise<string>): Promise<void> {
  ctx.tally((await reply).startsWith('✅') ? key : `${key}.refused`);
}

function isFridayCheckDay(ctx: SimContext, day: LocalDate): boolean {
  const monday = addDays(day, 1 - isoWeekday(day));
  return [4, 3, 2, 1, 0].map((i) => addDays(monday, i)).find((d) => ctx.calendar.isWorkday(d)) === day;
}

async function fillRoster(ctx: SimContext, day: LocalDate, next: boolean): Promise<void> {
  const names = ['周一', '周二', '周三', '周四', '周五'].map((d, i) => `${d}=@${LEADERS[i % LEADERS.length]}`);
  const monday = addDays(day, 1 - isoWeekday(day) + (next ? 7 : 0));
  const wds = names.filter((_, i) => ctx.calendar.isWorkday(addDays(monday, i)));
  if (!wds.length) return;
  await tally(
    ctx,
    'roster.filled',
    ctx.driver.say(ctx.hall.office[0], `带班 排班 ${next ? '下周' : '本周'} ${wds.join(' ')}`),
  );
}

async function rollcall(ctx: SimContext, guide: string, late: boolean): Promise<void> {
  const r = await ctx.driver.say(guide, '晨会 到');
  ctx.tally(r.startsWith('✅') ? 'rollcall.on-time' : late ? 'rollcall.late' : 'rollcall.other');
}

async function meeting(ctx: SimContext, chief: string, type: string, d: { staff: { userid: string }[] }) {
  const staff = d.staff.slice(0, 12);
  const absent = staff.filter(() => ctx.rng.chance(0.05));
  const present = staff.filter((s) => !absent.includes(s));
  if (!present.length) return;
  const text = `晨会 记录 类型=${type} 出席=${present.map((s) => `@${s.userid}`).join(',')}${absent.length ? ` 缺席=${absent.map((s) => `@${s.userid}`).join(',')}` : ''}`;
  await tally(ctx, `meeting.${type}`, ctx.driver.say(chief, text));
}

async function training(ctx: SimContext, chief: string): Promise<void> {
  await tally(
    ctx,
    'training',
    ctx.driver.say(chief, `培训 登记 日期=今天 主题=业务知识更新 人数=${ctx.rng.int(8, 15)} 对象=综窗 类型=业务`),
  );
}

async function guideAbsence(ctx: SimContext, guide: string, replacement: string, office: string) {
  const d = ctx.driver;
  const r = await d.say(guide, `暂离 申请 替=@${replacement} 分钟=5`);
  const no = /（(ZL\d{4}-\d{4})）/.exec(r)?.[1];
  if (!no) return ctx.tally('guide-absence.refused');
  await d.click(replacement, `confirm:${no}`);
  const a = await d.bot.deps.db.manager.findOneBy(ShortAbsence, { no });
  if (!a?.approvalNo) return ctx.tally('guide-absence.unconfirmed');
  const approved =
    (await d.click(ZONE_LEAD, `approve:${a.approvalNo}`)) || (await d.click(office, `approve:${a.approvalNo}`));
  ctx.tally(approved ? 'guide-absence.approved' : 'guide-absence.undecided');
}
