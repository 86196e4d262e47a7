import { Consultation } from '../../../entities/consultation';
import { openDeadline } from '../../calendar/deadlines';
import { insertRows } from '../../db';
import type { Ctx } from '../../kernel/ctx';
import { DATE_EXAMPLES, parseCnDate } from '../../kernel/dates';
import { ruleRefusal, UserError } from '../../kernel/errors';
import { nextRecordNo } from '../../kernel/numbers';
import { cnDate, daysBetween, localDate, yearOf } from '../../kernel/time';
import { getSetting } from '../../settings/settings';
import { ANSWER_CLOCK, CHANNELS, OUTCOMES, type Outcome, PREFIX, ST, SUBJECT, WIDTH } from './model';

// 咨询 登记 (CAS-03 首问负责, CAS-04 答复时限, CAS-23 routing): one row of the 咨询登记台账. The first responder is
// whoever logs it. A question not answered at once (待答复=是 or 答复期限=) gets an answer clock: 1 WD by
// default (OPEN #43, setting consult.answerWorkdays), or the date agreed with the person (D130).

export interface RegisterArgs {
  问题: string;
  结果: string;
  渠道?: string;
  指引?: string;
  单位?: string;
  地址?: string;
  联系?: string;
  答复期限?: string;
  待答复?: string;
}

const clip = (s: string | undefined, n: number) => s?.trim().slice(0, n) || null;

export async function registerConsultation(ctx: Ctx, a: RegisterArgs): Promise<string> {
  const outcome = a.结果.trim() as Outcome;
  if (!OUTCOMES.includes(outcome))
    throw new UserError(`结果“${a.结果}”无效，可选：${OUTCOMES.join('、')}（rule CAS-23）。`);
  const channel = a.渠道?.trim() || '现场';
  if (!(CHANNELS as readonly string[]).includes(channel))
    throw new UserError(`渠道“${a.渠道}”无效，可选：${CHANNELS.join('、')}。`);
  // D132: without the unit and the exact place the person was not told where to go.
  if (outcome === '中心外告知') {
    const missing = [!a.单位?.trim() && '单位', !a.地址?.trim() && '地址'].filter(Boolean);
    if (missing.length)
      throw ruleRefusal(
        'CAS-23',
        '000 首问负责 第五条(一)1(3)',
        `中心外事项须先联系主管单位并告知办事人该单位及具体地址，缺少${missing.join('、')}，未登记。例：单位=旗市场监管局 地址=乌审旗嘎鲁图镇…`,
      );
  }
  const today = localDate(ctx.now);
  let agreed: string | undefined;
  if (a.答复期限?.trim()) {
    agreed = parseCnDate(a.答复期限, ctx.now);
    if (!agreed) throw new UserError(`答复期限“${a.答复期限}”无法识别（例：${DATE_EXAMPLES}）。`);
    if (agreed < today) throw new UserError(`答复期限 ${agreed} 早于今天。`);
  }
  const open = !!agreed || a.待答复?.trim() === '是';

  const no = await nextRecordNo(ctx.m, PREFIX, yearOf(today), WIDTH);
  let due: string | null = null;
  if (open) {
    const d = await openDeadline(ctx.m, ctx.now, ctx.actor.userid, ctx.deps.calendar, {
      subjectType: SUBJECT,
      subjectId: no,
      kind: ANSWER_CLOCK,
      startAt: ctx.now,
      ...(agreed
        ? { amount: daysBetween(today, agreed), unit: 'CD' as const }
        : { amount: await getSetting(ctx.m, 'consult.answerWorkdays'), unit: 'WD' as const }),
    });
    due = d.dueDate;
  }
  await insertRows(ctx.m, Consultation, {
    no,
    kind: '咨询',
    channel,
    question: a.问题.trim(),
    outcome,
    guidedTo: clip(a.指引, 64),
    unit: clip(a.单位, 64),
    address: clip(a.地址, 128),
    contact: clip(a.联系, 64),
    firstResponder: ctx.actor.userid,
    departmentCode: ctx.actor.departmentCode,
    status: open ? ST.open : ST.done,
    answerDue: due,
    answer: null,
    answeredAt: null,
    answeredBy: null,
    callback: false,
    expertDept: null,
    expertWindow: null,
    ackAt: null,
    ackBy: null,
    createdAt: ctx.now,
  });
  await ctx.audit('consult.register', SUBJECT, no, { outcome, channel, open, due });
  const route =
    outcome === '中心外告知'
      ? `｜已告知 ${a.单位!.trim()}（${a.地址!.trim()}）`
      : outcome === '中心内指引' && a.指引?.trim()
        ? `｜指引至 ${a.指引.trim()}`
        : '';
  if (open) return `✅ ${no} 待答复，期限 ${cnDate(due!)}${route}\n答复后发送：咨询 答复 ${no} 内容=…`;
  return `✅ ${no} ${outcome}${route}`;
}
