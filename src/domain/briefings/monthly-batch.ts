import { Between } from 'typeorm';
import { DeductionEvent } from '../../../entities/deduction-event';
import { Department } from '../../../entities/department';
import type { Ctx } from '../../kernel/ctx';
import { personName } from '../../kernel/directory';
import { cnDate, localDate, monthBounds } from '../../kernel/time';
import { jointEligibleChiefs, monthStats } from '../inspections/inspections';
import { JOINT_PER_MONTH, LEADER_PER_MONTH } from '../inspections/rules';
import { summarise } from '../inspections/summary';
import { previousMonth } from './schedule';
import { storeCandidates } from './talks';
import { DEADLINE_DAY, draftWrittenNotice } from './written-notice';
import { dayOfNextMonth } from '../../calendar/conventions';
import type { WrittenContent } from './written-content';

// monthly-batch (09:00 on the month's 1st WD), the [supervision] parts: BRF-04/05 约谈 candidates, the BRF-07
// 书面通报 draft, PRF-14 deductions of last month, the INS quotas and the DIR-11 joint-inspection 首席代表 list —
// to G-OFFICE, and each 首席代表 its own department's lines. Section 六 is the other domains' monthly figures,
// one line per row of `tables.monthlyReports` (D92); with no row there is no section 六.

export async function runMonthlyBatch(ctx: Ctx): Promise<Record<string, number>> {
  const today = localDate(ctx.now);
  const month = previousMonth(today);
  const { first, last } = monthBounds(`${month}-01`);
  const candidates = await storeCandidates(ctx, month);
  const { notice } = await draftWrittenNotice(ctx, month);
  const deductions = await ctx.m.find(DeductionEvent, {
    where: { date: Between(first, last), status: 'active' },
    order: { no: 'ASC' },
  });
  const stats = await monthStats(ctx.m, ctx.deps.calendar, month, last);
  const summary = await summarise(ctx.m, first, last);
  const chiefs = await jointEligibleChiefs(ctx.m);
  const chiefNames = await Promise.all(chiefs.map(async (c) => `${c.code} ${await personName(ctx.m, c.chief)}`));
  const c = notice.content as unknown as WrittenContent;
  const label = `${Number(month.slice(5, 7))}月`;
  const lines = [
    `【月度汇总】${label}（${cnDate(first)}–${cnDate(last)}）`,
    `一、约谈候选（BRF-04/05，须于${cnDate(dayOfNextMonth(month, 10))}前完成）：${candidates.length ? candidates.map((x) => `${x.departmentCode} 约谈${x.target}（${x.reasons.join('、')}）`).join('；') : '无'}`,
    `二、书面通报草稿（BRF-07，须于${cnDate(dayOfNextMonth(month, DEADLINE_DAY))}前印发）：${c.departments.length}个部门｜书面通报 查看 ${month}｜书面通报 送审 ${month}`,
    `三、扣分事件（PRF-14）：${deductions.length ? deductions.map((k) => `${k.no} ${k.departmentCode ?? ''} ${k.rule}`).join('；') : '无'}`,
    `四、巡查（INS-01/02/03）：日常 ${stats.dailyDone}/${stats.dailyDays}个工作日，联合 ${stats.joint}/${JOINT_PER_MONTH}，领导 ${stats.leader}/${LEADER_PER_MONTH}；问题 ${summary.problems}，表扬 ${summary.praise}`,
    `五、联合巡查首席代表（DIR-11，进驻两人以上）：${chiefNames.join('、') || '无'}`,
  ];
  const providers = ctx.deps.tables.monthlyReports;
  if (providers.length) {
    lines.push('六、其他月度指标：');
    for (const p of providers) lines.push(`（${p.rules.join('/')}）${p.label}：${await p.office(ctx, month)}`);
  }
  await ctx.send({ group: 'G-OFFICE' }, { text: lines.join('\n') }, `monthly:${month}:office`);
  let chiefsTold = 0;
  for (const d of await ctx.m.find(Department, { where: { inactive: false }, order: { code: 'ASC' } })) {
    if (!d.chiefRep) continue;
    const s = summary.departments.get(d.code);
    const kf = deductions.filter((k) => k.departmentCode === d.code);
    const cand = candidates.filter((x) => x.departmentCode === d.code);
    const text = [
      `【${label}本部门情况】${d.code} ${d.name}`,
      `巡查问题 ${s?.problems.length ?? 0} 起，表扬 ${s?.praise.length ?? 0} 次`,
      `扣分事件：${kf.length ? kf.map((k) => `${k.no}（${k.rule}）`).join('、') : '无'}`,
      `约谈候选：${cand.length ? cand.map((x) => `约谈${x.target}（${x.reasons.join('、')}）`).join('；') : '无'}`,
    ];
    for (const p of providers) {
      const own = p.department ? await p.department(ctx, month, d.code) : null;
      if (own !== null) text.push(`${p.label}：${own}`);
    }
    await ctx.send({ user: d.chiefRep }, { text: text.join('\n') }, `monthly:${month}:chief:${d.code}`);
    chiefsTold++;
  }
  return {
    candidates: candidates.length,
    departments: c.departments.length,
    deductions: deductions.length,
    chiefs: chiefsTold,
  };
}
