import type { EntityManager } from 'typeorm';
import { getSetting } from '../../settings/settings';

// ATT-01 (000 窗口工作 五(四) "签到标准时间为08:30，签退标准时间为17:30；其中有效签到时间为07：00—08:30，有效签退时间为
// 17:30—19:30"), judged per WD from the mirrored 考勤系统 times. OPEN #33: a sign-in before 07:00 is invalid; a
// sign-out after 19:30 is invalid unless that day's 延时服务 log (SUS-05, CAS-17) for the person's window covers
// it (D143).

export interface Limits {
  signInFrom: number;
  signInBy: number;
  signOutFrom: number;
  signOutUntil: number;
  graceMinutes: number;
}

export type AnomalyKind = '未签到' | '签到无效' | '迟到' | '早退' | '未签退' | '签退无效';

export interface Anomaly {
  kind: AnomalyKind;
  /** Minutes late or early (迟到, 早退). */
  minutes?: number;
  /** The time as exported, for the invalid ones. */
  time?: string;
}

export type DayStatus = '正常' | '异常' | '请假' | '非工作日';

export interface Judged {
  status: DayStatus;
  anomalies: Anomaly[];
  /** A sign-out after the valid window that a 延时服务 log made valid. */
  extended: boolean;
}

/** `HH:MM` → minutes of the day. */
export const minutesOf = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

export async function loadLimits(m: EntityManager): Promise<Limits> {
  return {
    signInFrom: minutesOf(await getSetting(m, 'attendance.signInFrom')),
    signInBy: minutesOf(await getSetting(m, 'attendance.signInBy')),
    signOutFrom: minutesOf(await getSetting(m, 'attendance.signOutFrom')),
    signOutUntil: minutesOf(await getSetting(m, 'attendance.signOutUntil')),
    graceMinutes: await getSetting(m, 'attendance.extensionGraceMinutes'),
  };
}

export interface DayFacts {
  workday: boolean;
  /** An approved leave (QJ) or 出差 covers the day: no anomaly (ATT-05). */
  onLeave: boolean;
  signIn: string | null;
  signOut: string | null;
  /** End time of the day's 延时服务 log for the person's window, if any. */
  extensionEnd: string | null;
}

/** ATT-01 for one person and day (§19 #22, #23). */
export function judgeDay(f: DayFacts, l: Limits): Judged {
  if (!f.workday) return { status: '非工作日', anomalies: [], extended: false };
  if (f.onLeave) return { status: '请假', anomalies: [], extended: false };
  const anomalies: Anomaly[] = [];
  let extended = false;
  if (!f.signIn) anomalies.push({ kind: '未签到' });
  else {
    const t = minutesOf(f.signIn);
    if (t < l.signInFrom) anomalies.push({ kind: '签到无效', time: f.signIn });
    else if (t > l.signInBy) anomalies.push({ kind: '迟到', minutes: t - l.signInBy });
  }
  if (!f.signOut) anomalies.push({ kind: '未签退' });
  else {
    const t = minutesOf(f.signOut);
    if (t < l.signOutFrom) anomalies.push({ kind: '早退', minutes: l.signOutFrom - t });
    else if (t > l.signOutUntil) {
      const covered = f.extensionEnd !== null && t <= minutesOf(f.extensionEnd) + l.graceMinutes;
      if (covered) extended = true;
      else anomalies.push({ kind: '签退无效', time: f.signOut });
    }
  }
  return { status: anomalies.length ? '异常' : '正常', anomalies, extended };
}

/** One anomaly in words: `迟到1分钟`, `签到无效（06:55，请于07:00后签到）`. */
export function anomalyText(a: Anomaly, l: Limits): string {
  switch (a.kind) {
    case '迟到':
    case '早退':
      return `${a.kind}${a.minutes}分钟`;
    case '签到无效':
      return `签到无效（${a.time}，请于${hhmmOf(l.signInFrom)}后签到）`;
    case '签退无效':
      return `签退无效（${a.time}，晚于${hhmmOf(l.signOutUntil)}且无延时服务登记）`;
    default:
      return a.kind;
  }
}

export const hhmmOf = (min: number): string =>
  `${String(Math.floor(min / 60)).padStart(2, '0')}:${String(min % 60).padStart(2, '0')}`;
