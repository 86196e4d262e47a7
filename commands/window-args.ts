import { UserError } from '../src/kernel/errors';

// Chat arguments of the [windows] commands turned into what src/domain/windows takes (docs/commands.md lists;
// the domain never reads a Chinese-keyed argument).

/** `12号窗,13` → ['12号窗', '13'] (list separators per docs/commands.md). */
export function splitWindowRefs(text: string | undefined): string[] {
  return (text ?? '')
    .split(/[,;、，]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * SUS-08 staff list: `张三 13900000014,李四/0477-1234` or `@张三,@李四` with a shared `电话=`. A person's own phone
 * wins, then the shared consultation phone, then (filled by the domain) the directory phone.
 */
export function parseConsultants(text: string, shared?: string): { name: string; phone?: string }[] {
  return text
    .split(/[,;、，；]/)
    .map((s) => s.trim())
    .filter(Boolean)
    .map((item) => {
      const m = /^@?(.+?)[\s/]*((?:\+?86)?[\d][\d-]{5,})?$/u.exec(item);
      const name = (m?.[1] ?? item).replace(/^@/, '').trim();
      const phone = m?.[2] ?? shared;
      return phone ? { name, phone } : { name };
    });
}

/** `宣传|设备` / `交警,物业` → the items, each one of `allowed` (SUS-03, SUS-09). */
export function itemsOf<T extends string>(text: string, allowed: readonly T[]): T[] {
  const items = text
    .split(/[,、，|]/)
    .map((s) => s.trim())
    .filter(Boolean);
  const bad = items.filter((i) => !(allowed as readonly string[]).includes(i));
  if (bad.length || items.length === 0) throw new UserError(`事项应为 ${allowed.join('|')}（可用逗号分隔多项）。`);
  return items as T[];
}

/** `是` / `承诺` / `不限号` declares 不限号 (WIN-04(2)); any other answer is a refusal, no answer is undefined. */
export function yesNo(text: string | undefined, yes: RegExp): boolean | undefined {
  return text === undefined ? undefined : yes.test(text.trim());
}

/** The typed arguments that are text or numbers, to prefill an H5 form with what the filer already gave (D28). */
export function typedText(args: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(args))
    if (typeof v === 'string') out[k] = v;
    else if (typeof v === 'number' || typeof v === 'boolean') out[k] = String(v);
  return out;
}
