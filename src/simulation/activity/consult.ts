import { normaliseRecordRef } from '../../kernel/numbers';
import { addDays, isoWeekday, type LocalDate, localDate, yearOf } from '../../kernel/time';
import { perDay, type Action, type Activity, type SimContext } from './types';

// 综窗 services (CAS-03/04/17/20/21/23): guides and window staff log questions (most handled on the spot, some
// pointed to another window or to a unit outside the centre, some answered later — usually the next WD, about one
// in five a WD late, so the answer reminders fire); the 综窗 asks a department for an expert (its 首席代表
// answers the card in 10 minutes, or after the 30-minute reminder); staff book appointments; 帮您办 projects
// are registered and moved through their first steps (the signed papers are photos, not simulated).

const QUESTIONS = { small: 90, hall: 660 };
const EXPERTS = { small: 10, hall: 44 };
const APPOINTMENTS = { small: 4, hall: 22 };
const PROJECTS = { small: 1, hall: 3 };
const TOPICS = [
  '户口迁入材料',
  '社保转移接续',
  '不动产抵押流程',
  '发票申领',
  '取水许可条件',
  '营业执照变更',
  '医保报销',
];
const OUTSIDE = [
  { unit: '旗人民法院', address: '嘎鲁图镇萨拉乌苏路1号' },
  { unit: '旗住房公积金中心', address: '嘎鲁图镇团结路18号' },
];

interface OpenQuestion {
  no: string;
  by: string;
  answerOn: LocalDate;
}

export function consultActivity(): Activity {
  const open: OpenQuestion[] = [];
  const projects: { no: string; steps: number }[] = [];
  return {
    name: 'consult',
    day(ctx, day) {
      const index = ctx.workdays.indexOf(day);
      if (index < 0) return [];
      const actions: Action[] = [];
      for (const q of open.filter((x) => x.answerOn <= day))
        actions.push({ at: '10:30', what: 'answer', run: () => answer(ctx, q, open) });
      const n = perDay(QUESTIONS[ctx.scale], ctx.workdays.length, index);
      for (let i = 0; i < n; i++)
        actions.push({
          at: `${String(9 + (i % 7)).padStart(2, '0')}:15`,
          what: 'question',
          run: () => ask(ctx, day, open),
        });
      for (let i = 0; i < perDay(EXPERTS[ctx.scale], ctx.workdays.length, index); i++) {
        // The card is answered 10 minutes later, or (three in ten) after the 30-minute reminder.
        const hour = String(9 + i * 2).padStart(2, '0');
        const req: ExpertRequest = { no: undefined };
        const slow = ctx.rng.chance(0.3);
        actions.push({ at: `${hour}:00`, what: 'expert', run: () => expert(ctx, req) });
        actions.push({ at: `${hour}:${slow ? '40' : '10'}`, what: 'expert ack', run: () => ack(ctx, req, slow) });
      }
      for (let i = 0; i < perDay(APPOINTMENTS[ctx.scale], ctx.workdays.length, index); i++)
        actions.push({ at: '11:00', what: 'appointment', run: () => appoint(ctx, day) });
      if (perDay(PROJECTS[ctx.scale], ctx.workdays.length, index))
        actions.push({ at: '14:00', what: 'helpdesk', run: () => apply(ctx, projects) });
      for (const p of projects.filter((x) => x.steps < 3))
        actions.push({ at: '15:30', what: 'helpdesk step', run: () => step(ctx, p) });
      return actions;
    },
  };
}

const zh = (ctx: SimContext) => ctx.hall.departments.find((d) => d.code === 'ZH')!;

async function ask(ctx: SimContext, day: LocalDate, open: OpenQuestion[]): Promise<void> {
  const dept = ctx.rng.pick(ctx.hall.departments.filter((d) => d.staff.length));
  const by = ctx.rng.chance(0.5) ? ctx.rng.pick(ctx.hall.guides) : ctx.rng.pick(dept.staff).userid;
  const topic = ctx.rng.pick(TOPICS);
  const roll = ctx.rng.int(1, 100);
  let text = `咨询 登记 问题=${topic} 结果=本岗办理`;
  if (roll <= 15) {
    const o = ctx.rng.pick(OUTSIDE);
    text = `咨询 登记 问题=${topic} 结果=中心外告知 单位=${o.unit} 地址=${o.address}`;
  } else if (roll <= 40)
    text = `咨询 登记 问题=${topic} 结果=中心内指引 指引=${ctx.rng.pick(dept.windows)?.number ?? '4'}号窗`;
  else if (roll <= 55) text += ' 渠道=电话 联系=13900001111 待答复=是';
  const reply = await ctx.driver.say(by, text);
  const no = /✅ (ZX\d{4}-\d{5})/.exec(reply)?.[1];
  ctx.tally(no ? 'consult.logged' : 'consult.refused');
  if (no && reply.includes('待答复')) {
    // Usually answered by the next WD; about one in five a WD late.
    const late = ctx.rng.chance(0.2);
    const next = ctx.calendar.addWorkdays(day, late ? 2 : 1);
    open.push({ no, by, answerOn: next });
    ctx.tally('consult.open');
  }
}

async function answer(ctx: SimContext, q: OpenQuestion, open: OpenQuestion[]): Promise<void> {
  const r = await ctx.driver.say(q.by, `咨询 答复 ${q.no} 内容=已电话答复 回电=是`);
  ctx.tally(
    r.startsWith('✅')
      ? r.includes('超过约定期限')
        ? 'consult.answered-late'
        : 'consult.answered'
      : 'consult.answer-refused',
  );
  open.splice(open.indexOf(q), 1);
}

interface ExpertRequest {
  no: string | undefined;
  chief?: string;
}

async function expert(ctx: SimContext, req: ExpertRequest): Promise<void> {
  const desk = zh(ctx);
  const asked = ctx.rng.pick(ctx.hall.departments.filter((d) => d.code !== 'ZH' && d.windows.length));
  const by = ctx.rng.pick(desk.staff).userid;
  const reply = await ctx.driver.say(by, `咨询 请求专家 事项=${ctx.rng.pick(TOPICS)}特殊情形 部门=${asked.code}`);
  const short = /（(ZX[\d-]+)）/.exec(reply)?.[1];
  req.no = short && normaliseRecordRef(short, 'ZX', yearOf(localDate(ctx.driver.now())), 5);
  ctx.tally(req.no ? 'consult.expert-requested' : 'consult.expert-refused');
  req.chief = asked.chief.userid;
}

async function ack(ctx: SimContext, req: ExpertRequest, slow: boolean): Promise<void> {
  if (!req.no || !req.chief) return;
  ctx.tally(
    (await ctx.driver.click(req.chief, `ack:${req.no}`)) ? 'consult.expert-acked' : 'consult.expert-ack-missed',
  );
  if (slow) ctx.tally('consult.expert-slow');
}

async function appoint(ctx: SimContext, day: LocalDate): Promise<void> {
  const dept = ctx.rng.pick(ctx.hall.departments.filter((d) => d.staff.length));
  const by = ctx.rng.pick(dept.staff).userid;
  let date = addDays(day, 1);
  while (!ctx.calendar.isWorkday(date) && isoWeekday(date) !== 6) date = addDays(date, 1);
  const r = await ctx.driver.say(
    by,
    `预约 登记 日期=${date} 时间=09:30 事项=${ctx.rng.pick(TOPICS)} 申请人=群众${ctx.rng.int(1, 999)}`,
  );
  ctx.tally(r.startsWith('✅') ? 'appointment.booked' : 'appointment.refused');
}

async function apply(ctx: SimContext, projects: { no: string; steps: number }[]): Promise<void> {
  const chief = zh(ctx).chief.userid;
  const r = await ctx.driver.say(
    chief,
    `帮您办 申请 项目=重点项目${ctx.rng.int(1, 99)}号 类别=${ctx.rng.pick(['重点投资', '招商引资', '科技创新', '国家鼓励'])}`,
  );
  const no = /✅ (BB\d{4}-\d{3})/.exec(r)?.[1];
  ctx.tally(no ? 'helpdesk.registered' : 'helpdesk.refused');
  if (no) projects.push({ no, steps: 0 });
}

async function step(ctx: SimContext, p: { no: string; steps: number }): Promise<void> {
  const desk = zh(ctx);
  const name = ['专人', '核实', '委托'][p.steps];
  const extra = name === '专人' ? ` 专人=${ctx.rng.pick(desk.staff).userid}` : '';
  const r = await ctx.driver.say(desk.chief.userid, `帮您办 进度 ${p.no} ${name}${extra}`);
  if (r.startsWith('✅')) p.steps++;
  ctx.tally(r.startsWith('✅') ? 'helpdesk.steps' : 'helpdesk.step-refused');
}
