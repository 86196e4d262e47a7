import type { Ctx } from '../../kernel/ctx';
import { shortDate, type LocalDate } from '../../kernel/time';
import { judgeRange } from './days';
import { anomalyText } from './rules';
import { summarise, summaryLine } from './summary';

// attendance-anomalies (ATT-01, ATT-02), 08:45 each WD: the previous WD's judged 考勤 — the first day whose
// export is complete (sign-outs included) by morning (D144). Each person with an anomaly gets a DM; G-OFFICE
// gets the digest, or “考勤未导入” when the day has no imported row. Keys are per day, so nothing repeats.

export async function sendAnomalies(ctx: Ctx, day: LocalDate): Promise<Record<string, number>> {
  const r = await judgeRange(ctx.m, ctx.deps.calendar, day, day);
  if (!r.imported.has(day)) {
    await ctx.send(
      { group: 'G-OFFICE' },
      {
        text: `【考勤】${shortDate(day)} 考勤未导入：请导出考勤系统当日记录，发送“考勤 导入”后上传文件（rule ATT-02）。`,
      },
      `attendance:${day}:office`,
    );
    return { notImported: 1, people: 0 };
  }
  const flagged = r.days
    .filter((d) => d.judged.anomalies.length > 0)
    .sort((a, b) => (a.person.departmentCode ?? '').localeCompare(b.person.departmentCode ?? ''));
  for (const d of flagged) {
    const what = d.judged.anomalies.map((a) => anomalyText(a, r.limits)).join('，');
    await ctx.send(
      { user: d.person.userid },
      {
        text: `【考勤提醒】${shortDate(day)} ${what}（签到 ${d.row?.signIn ?? '—'}，签退 ${d.row?.signOut ?? '—'}；rule ATT-01）。如有已批准的请假或延时服务未登记，请联系首席代表或大厅管理室。`,
      },
      `attendance:${day}:${d.person.userid}`,
    );
  }
  const lines = [
    `【考勤异常】${shortDate(day)}：${summaryLine(summarise(r.days))}`,
    ...flagged.map(
      (d) =>
        `${d.person.departmentCode ?? ''} ${d.person.name}：${d.judged.anomalies.map((a) => anomalyText(a, r.limits)).join('，')}`,
    ),
  ];
  if (!flagged.length) lines.push('全部正常 ✅');
  await ctx.send({ group: 'G-OFFICE' }, { text: lines.join('\n') }, `attendance:${day}:office`);
  return { notImported: 0, people: flagged.length };
}
