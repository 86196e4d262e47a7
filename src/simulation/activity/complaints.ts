import type { LocalDate } from '../../kernel/time';
import type { SimDepartment } from '../hall';
import { perDay, type Activity, type Action, type SimContext } from './types';

// 投诉处理 (CMP-05…CMP-20): complaints registered by 大厅管理室, both parties interviewed (CMP-09), referred to
// the department (转交, CMP-11) whose 首席代表 acknowledges on the card and reports back the next WD; 大厅管理室
// answers the complainant (CMP-15) and records the outcome. About one in five is never carried out by the
// department and stays overdue, so the complaint-deadlines job reminds it every WD.

const TARGET = { small: 8, hall: 44 };
const OUTCOMES = ['属实', '属实', '部分属实', '不实'];
const MATTERS = ['态度生硬', '未一次性告知', '办理超时', '推诿扯皮', '空岗等待'];

interface Open {
  no: string;
  dept: SimDepartment;
  stage: 'referred' | 'carried-out';
  abandon: boolean;
}

export function complaintsActivity(): Activity {
  const open: Open[] = [];
  return {
    name: 'complaints',
    day(ctx, day) {
      const index = ctx.workdays.indexOf(day);
      if (index < 0) return [];
      const actions: Action[] = [];
      // Yesterday's referrals are carried out, the day before's answered and closed.
      for (const c of open.filter((x) => !x.abandon)) {
        if (c.stage === 'referred') actions.push({ at: '14:00', what: 'carry out', run: () => carryOut(ctx, c) });
        else actions.push({ at: '15:00', what: 'answer', run: () => answer(ctx, c, open) });
      }
      const n = perDay(TARGET[ctx.scale], ctx.workdays.length, index);
      for (let i = 0; i < n; i++) {
        actions.push({ at: '11:00', what: 'register', run: () => register(ctx, day, open) });
      }
      return actions;
    },
  };
}

async function register(ctx: SimContext, _day: LocalDate, open: Open[]): Promise<void> {
  const d = ctx.driver;
  const office = ctx.hall.office[0];
  const dept = ctx.rng.pick(ctx.hall.departments.filter((x) => x.windows.length));
  const w = ctx.rng.pick(dept.windows);
  const reply = await d.say(
    office,
    `投诉 登记 对象=${w.number}号窗 事项=${ctx.rng.pick(MATTERS)} 方式=投诉登记本 姓名=群众${ctx.rng.int(1, 999)} 电话=139${String(ctx.rng.int(10_000_000, 99_999_999))} 类别=服务态度`,
  );
  const no = /✅ (TS\d{4}-\d{4})/.exec(reply)?.[1];
  if (!no) {
    ctx.tally('complaints.refused');
    return;
  }
  ctx.tally('complaints.registered');
  await d.say(office, `投诉 调查 ${no} 对象=投诉人 记录=投诉人陈述经过`);
  await d.say(office, `投诉 调查 ${no} 对象=被投诉人 记录=${w.staff.name}作出解释`);
  const referred = await d.say(office, `投诉 转交 ${no} 部门=${dept.code} 意见=批评教育当事人，向投诉人说明`);
  if (!referred.startsWith('✅')) {
    ctx.tally('complaints.refer-refused');
    return;
  }
  ctx.tally('complaints.referred');
  if (await d.click(dept.chief.userid, `ack:${no}`)) ctx.tally('complaints.acknowledged');
  open.push({ no, dept, stage: 'referred', abandon: ctx.rng.chance(0.2) });
}

async function carryOut(ctx: SimContext, c: Open): Promise<void> {
  const r = await ctx.driver.say(c.dept.chief.userid, `投诉 落实 ${c.no} 情况=已批评教育当事人并致歉`);
  c.stage = 'carried-out';
  ctx.tally(r.startsWith('✅') ? 'complaints.carried-out' : 'complaints.carry-out-refused');
}

async function answer(ctx: SimContext, c: Open, open: Open[]): Promise<void> {
  const office = ctx.hall.office[0];
  const a = await ctx.driver.say(
    office,
    `投诉 答复 ${c.no} 方式=电话 满意度=${ctx.rng.chance(0.8) ? '满意' : '基本满意'}`,
  );
  ctx.tally(a.startsWith('✅') ? 'complaints.answered' : 'complaints.answer-refused');
  await ctx.driver.say(office, `投诉 结果 ${c.no} ${ctx.rng.pick(OUTCOMES)}`);
  const archived = await ctx.driver.say(office, `投诉 归档 ${c.no}`);
  if (archived.startsWith('✅')) ctx.tally('complaints.archived');
  open.splice(open.indexOf(c), 1);
}
