import { IsNull, Not } from 'typeorm';
import { GroupChat } from '../../entities/group-chat';
import { InboxRow } from '../../entities/inbox';
import { Notice } from '../../entities/notice';
import { ReminderLog } from '../../entities/reminder-log';
import { localDate, localStamp } from '../kernel/time';
import type { SimDriver } from './driver';
import type { Invariant, InvariantResult, SimFacts } from './invariants/types';
import type { SimOptions } from './run';

// The simulation report (D69): one screen of markdown — per day the jobs fired, messages
// per group and reminders per kind; the numbered notices; every invariant with pass/fail and counts; wall time
// and peak memory (the only lines that differ between two runs with the same seed).

export interface SimReport {
  ok: boolean;
  markdown: string;
  invariants: { name: string; ok: boolean; checked: number; violations: string[] }[];
  tallies: Record<string, number>;
  events: number;
  /** Every job run that did its work, with its wall-clock duration (not in the markdown: it varies run to run). */
  jobRuns: { job: string; at: string; ms: number }[];
  wallMs: number;
  peakRss: number;
}

interface Input {
  opts: SimOptions;
  facts: SimFacts;
  driver: SimDriver;
  tallies: Map<string, number>;
  results: (InvariantResult & { invariant: Invariant })[];
  wallMs: number;
  peakRss: number;
}

const join = (m: Map<string, number>) =>
  [...m.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, n]) => `${k} ${n}`)
    .join(' · ') || '—';

function bump(m: Map<string, Map<string, number>>, day: string, key: string): void {
  const inner = m.get(day) ?? new Map<string, number>();
  inner.set(key, (inner.get(key) ?? 0) + 1);
  m.set(day, inner);
}

export async function collectReport(input: Input): Promise<SimReport> {
  const { opts, facts, driver } = input;
  const groups = await facts.m.find(GroupChat);
  const groupOf = new Map<string, string>();
  for (const g of groups) {
    if (g.chatid) groupOf.set(`chat:${g.chatid}`, g.key);
    const robot = g.webhook ? /key=([^&]+)/.exec(g.webhook)?.[1] : undefined;
    if (robot) groupOf.set(`robot:${decodeURIComponent(robot)}`, g.key);
  }
  const jobs = new Map<string, Map<string, number>>();
  for (const move of driver.moves) {
    for (const r of move.runs) if (r.status === 'ok') bump(jobs, localDate(new Date(r.at)), r.job);
  }
  const messages = new Map<string, Map<string, number>>();
  for (const i of facts.fake.feedLog.all()) {
    const key = i.channel === 'dm' ? 'DM' : (groupOf.get(`${i.channel}:${String(i.to)}`) ?? String(i.to));
    bump(messages, localDate(new Date(i.at)), key);
  }
  const reminders = new Map<string, Map<string, number>>();
  for (const r of await facts.m.find(ReminderLog)) bump(reminders, localDate(r.sentAt), r.kind);

  const rows = facts.days.map((day) => {
    const j = jobs.get(day);
    const total = j ? [...j.values()].reduce((a, b) => a + b, 0) : 0;
    return `| ${day.slice(5)} | ${facts.workdays.includes(day) ? 'WD' : ''} | ${total} | ${join(messages.get(day) ?? new Map<string, number>())} | ${join(reminders.get(day) ?? new Map<string, number>())} |`;
  });
  const notices = await facts.m.find(Notice, { where: { no: Not(IsNull()) }, order: { seq: 'ASC' } });
  const invariants = input.results.map((r) => ({
    name: r.invariant.name,
    ok: r.violations.length === 0,
    checked: r.checked,
    violations: r.violations,
  }));
  const ok = invariants.every((i) => i.ok);
  const inbox = await facts.m.count(InboxRow);
  const tallies = Object.fromEntries([...input.tallies.entries()].sort(([a], [b]) => a.localeCompare(b)));
  const oral = notices.filter((n) => n.type === '口头');
  const others = notices.filter((n) => n.type !== '口头');
  const md = [
    `# 模拟运行 ${facts.month}${(opts.months ?? 1) > 1 ? `（${opts.month} 起 ${opts.months} 个月）` : ''} · ${opts.scale} · seed ${opts.seed}`,
    '',
    `**${ok ? 'PASS' : 'FAIL'}** — ${invariants.filter((i) => i.ok).length}/${invariants.length} invariants; ${driver.events} callbacks (${driver.rejected} not acknowledged), ${inbox} inbox rows, ${facts.fake.feedLog.all().length} messages delivered.`,
    '',
    '## Activity',
    '',
    Object.entries(tallies)
      .map(([k, n]) => `${k} ${n}`)
      .join(' · '),
    '',
    '## Invariants',
    '',
    '| invariant | rules | result | checked | first violations |',
    '|---|---|---|---|---|',
    ...input.results.map(
      (r) =>
        `| ${r.invariant.name} | ${r.invariant.rules} | ${r.violations.length ? `FAIL (${r.violations.length})` : 'pass'} | ${r.checked} | ${r.violations.slice(0, 3).join('; ')} |`,
    ),
    '',
    '## Notices',
    '',
    `口头通报 ${oral.length}: ${oral.length ? `${oral[0].no} … ${oral.at(-1)!.no}` : '—'}`,
    ...others.map(
      (n) => `- ${n.no} ${n.type} ${n.month ?? n.forDate ?? ''} ${n.publishedAt ? localStamp(n.publishedAt) : ''}`,
    ),
    '',
    '## Days',
    '',
    '| day | | jobs | messages | reminders |',
    '|---|---|---|---|---|',
    ...rows,
    '',
    `Wall time ${(input.wallMs / 1000).toFixed(1)} s · peak RSS ${Math.round(input.peakRss / 1048576)} MB · ${(inbox / (input.wallMs / 1000)).toFixed(0)} events/s through the dispatcher`,
    '',
  ].join('\n');
  const jobRuns = driver.moves.flatMap((mv) =>
    mv.runs.filter((r) => r.status === 'ok').map((r) => ({ job: r.job, at: r.at, ms: r.ms })),
  );
  return {
    ok,
    markdown: md,
    invariants,
    tallies,
    events: inbox,
    jobRuns,
    wallMs: input.wallMs,
    peakRss: input.peakRss,
  };
}
