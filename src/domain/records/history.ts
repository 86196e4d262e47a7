import { In, Like } from 'typeorm';
import { Approval } from '../../../entities/approval';
import { AuditLog } from '../../../entities/audit-log';
import { Deadline } from '../../../entities/deadline';
import { ReminderLog } from '../../../entities/reminder-log';
import type { Ctx } from '../../kernel/ctx';
import { personName } from '../../kernel/directory';
import { seesPersonalData } from '../../kernel/mask';
import { localStamp } from '../../kernel/time';
import { maskFreeText } from '../lost-found/privacy';
import { COMPLAINT_ACTIONS } from '../complaints/queries';
import { deadlineLabel } from '../complaints/model';
import { DETAIL_KEYS, actionLabel, clockLabel, reminderLabel } from './labels';
import { assertMayView, type FoundRecord } from './find';

// `记录 历史 <号>` (REC-02): the append-only history of one record in time order — its audit rows (created, each
// change and correction with the old value, attachments, clocks), the decisions of its approvals (代 for a
// delegate, DIR-02) and the reminders sent about it (reminder_log) — masked for the viewer per D18.

interface Event {
  at: Date;
  seq: number;
  text: string;
}

const clip = (s: string, n: number) => ([...s].length > n ? `${[...s].slice(0, n - 1).join('')}…` : s);

async function who(ctx: Ctx, actor: string): Promise<string> {
  if (actor.startsWith('job:') || actor === 'system' || actor === 'cli') return '系统';
  return personName(ctx.m, actor);
}

function detailText(ctx: Ctx, d: Record<string, unknown>): string {
  const open = seesPersonalData(ctx.actor.roles);
  const parts: string[] = [];
  for (const [key, word] of Object.entries(DETAIL_KEYS)) {
    const v = d[key];
    if (v === undefined || v === null || v === '' || typeof v === 'object') continue;
    let s = clip(String(v), 40);
    // D18: free text can carry a phone or an ID number; only 大厅管理室 and leaders read it in full.
    if (!open) s = maskFreeText(s);
    parts.push(word ? `${word} ${s}` : s);
  }
  if (typeof d.kind === 'string' && typeof d.dueDate === 'string') parts.unshift(clockLabel(d.kind, deadlineLabel));
  return parts.join('｜');
}

async function auditEvents(ctx: Ctx, f: FoundRecord, ids: string[]): Promise<Event[]> {
  const rows = await ctx.m.find(AuditLog, { where: { subjectId: In(ids) }, order: { id: 'ASC' } });
  const extra = f.kind.prefix === 'TS' ? COMPLAINT_ACTIONS : {};
  const out: Event[] = [];
  for (const r of rows) {
    if (r.subjectType === 'approval' && f.kind.prefix !== 'SP') continue; // an SP number is its own record
    const d = r.detail ?? {};
    const v = typeof d.v === 'number' ? `v${d.v} ` : '';
    const detail = detailText(ctx, d);
    const text = `${v}${await who(ctx, r.actor)} ${actionLabel(r.action, extra)}${detail ? ` ${detail}` : ''}`;
    out.push({ at: r.at, seq: r.id, text });
  }
  return out;
}

/** Each decision of the record's approvals: who, 同意/驳回, the step, the reason; 代 when a delegate decided. */
async function approvalEvents(ctx: Ctx, approvals: Approval[]): Promise<Event[]> {
  if (!approvals.length) return [];
  const rows = await ctx.m.find(AuditLog, {
    where: { subjectType: 'approval', subjectId: In(approvals.map((a) => a.no)) },
    order: { id: 'ASC' },
  });
  const out: Event[] = [];
  for (const r of rows) {
    const d = r.detail ?? {};
    const behalf =
      typeof d.onBehalfOf === 'string' && d.onBehalfOf !== r.actor
        ? `（代 ${await personName(ctx.m, d.onBehalfOf)}）`
        : '';
    const step = typeof d.label === 'string' ? ` ${d.label}` : '';
    const reason = typeof d.reason === 'string' && d.reason ? `｜原因 ${clip(d.reason, 40)}` : '';
    const text = `${r.subjectId} ${await who(ctx, r.actor)}${behalf} ${actionLabel(r.action)}${step}${reason}`;
    out.push({ at: r.at, seq: r.id, text });
  }
  return out;
}

async function reminderEvents(ctx: Ctx, f: FoundRecord, ids: string[], approvals: Approval[]): Promise<Event[]> {
  const clocks = await ctx.m.find(Deadline, { where: { subjectType: f.kind.subjectType, subjectId: In(ids) } });
  const spNos = f.kind.prefix === 'SP' ? [f.rec.no] : approvals.map((a) => a.no);
  const subjects = [...ids, ...ids.map((id) => `rect:${id}`), ...clocks.map((d) => `deadline:${d.id}`)];
  const where = [{ subject: In(subjects) }, ...spNos.map((no) => ({ subject: Like(`${no}:s%`) }))];
  const rows = await ctx.m.find(ReminderLog, { where, order: { id: 'ASC' } });
  return rows.map((r) => {
    const clock = clocks.find((d) => `deadline:${d.id}` === r.subject);
    const step = /^(SP\d{4}-\d+):s(\d+)$/.exec(r.subject);
    const what = clock
      ? `${clockLabel(clock.kind, deadlineLabel)}（第${r.deadlineVersion}版期限）`
      : step
        ? `${step[1]} 第${Number(step[2]) + 1}步`
        : '';
    // Reminder rows have their own id sequence: after audit rows of the same instant.
    const seq = Number.MAX_SAFE_INTEGER - 1_000_000 + r.id;
    return { at: r.sentAt, seq, text: `系统 ${reminderLabel(r.kind)}${what ? `｜${what}` : ''}` };
  });
}

/** The history lines, oldest first: `03-02 10:05 v4 王五 更正 字段 事由｜原值 …｜原因 …`. */
export async function recordHistory(ctx: Ctx, f: FoundRecord): Promise<string[]> {
  await assertMayView(ctx, f);
  const ids = [f.rec.no, ...(f.rec.aliases ?? [])];
  const approvals =
    f.kind.prefix === 'SP' ? [] : await ctx.m.find(Approval, { where: { subjectId: In(ids) }, order: { id: 'ASC' } });
  const events = [
    ...(await auditEvents(ctx, f, ids)),
    ...(await approvalEvents(ctx, approvals)),
    ...(await reminderEvents(ctx, f, ids, approvals)),
  ].sort((a, b) => a.at.getTime() - b.at.getTime() || a.seq - b.seq);
  return events.map((e) => `${localStamp(e.at).slice(5)} ${e.text}`);
}
