import { z } from 'zod';
import { isLocalDate, type LocalDate } from '../../kernel/time';

// Cell readers for the 考勤系统 export (ATT-02): dates and clock times as the system or Excel writes them.
// A time may come as `8:26`, `08:26:13`, `2026-03-02 08:26` or an Excel time cell (ISO text); anything else —
// `25:61`, `8点半` — is a problem naming the cell, never a guess.

/** `2026-03-02`, `2026/3/2`, `2026.3.2`, `2026年3月2日`, or an ISO stamp's date part. */
export function cellDate(s: string): LocalDate | null {
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[ T].*)?$/.exec(s.trim());
  if (!m) return null;
  const d = `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
  return isLocalDate(d) ? d : null;
}

/** `HH:MM` from a clock time (seconds dropped), or null when it is not one. */
export function cellTime(s: string): string | null {
  const t = s.trim();
  const m = /^(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}[ T])?(\d{1,2})[:：](\d{2})(?:[:：](\d{2})(?:\.\d+)?)?Z?$/.exec(t);
  if (!m) return null;
  const [h, min, sec] = [Number(m[1]), Number(m[2]), Number(m[3] ?? 0)];
  if (h > 23 || min > 59 || sec > 59) return null;
  return `${String(h).padStart(2, '0')}:${m[2]}`;
}

/** A required date cell. */
export const dateCell = (label: string) =>
  z.string().transform((s, c) => {
    const d = cellDate(s);
    if (!d) {
      c.addIssue({ code: 'custom', message: s ? `“${s}”不是有效日期（例：2026-03-02）` : `缺少${label}` });
      return z.NEVER;
    }
    return d;
  });

/** An optional time cell: '' → null. */
export const timeCell = () =>
  z.string().transform((s, c) => {
    if (s.trim() === '' || s.trim() === '-') return null;
    const t = cellTime(s);
    if (!t) {
      c.addIssue({ code: 'custom', message: `“${s}”不是有效时刻（例：08:26）` });
      return z.NEVER;
    }
    return t;
  });
