import { Appointment } from '../../../entities/appointment';
import type { Ctx } from '../../kernel/ctx';
import { maskName } from '../../kernel/mask';
import { localDate } from '../../kernel/time';

// appointment-digest, 08:00 every day (CAS-17, D137): the day's appointments to each department's group, so the
// window is staffed — on a Saturday or an agreed 公休日 too, which is why this job is not WD-only. Names are
// masked in groups (D18); 大厅管理室 gets the list of appointments it coordinates (several departments, 公休日).

export async function sendAppointmentDigest(ctx: Ctx): Promise<number> {
  const today = localDate(ctx.now);
  const rows = await ctx.m.find(Appointment, {
    where: { date: today, status: '已预约' },
    order: { time: 'ASC', id: 'ASC' },
  });
  const byDept = new Map<string, string[]>();
  const office: string[] = [];
  for (const r of rows) {
    const line = `${r.time} ${r.item}｜${maskName(r.applicant)}｜#${r.id}`;
    for (const code of r.departments.split(',')) byDept.set(code, [...(byDept.get(code) ?? []), line]);
    if (r.coordinator || r.restDay)
      office.push(`${line}｜${r.departments.replace(/,/g, '、')}${r.restDay ? '｜公休日' : ''}`);
  }
  for (const [code, lines] of byDept)
    await ctx.send(
      { group: `G-DEPT-${code}` },
      { text: `📅 今日预约 ${lines.length} 件（rule CAS-17），请按时接待：\n${lines.join('\n')}` },
      `appointments:${today}:${code}`,
    );
  if (office.length)
    await ctx.send(
      { group: 'G-OFFICE' },
      { text: `📅 今日需协调的预约 ${office.length} 件（rule CAS-17）：\n${office.join('\n')}` },
      `appointments:${today}:office`,
    );
  return rows.length;
}
