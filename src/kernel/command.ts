import { z } from 'zod';
import type { Role } from '../../entities/person-role';
import type { Ctx } from './ctx';
import { DATE_EXAMPLES, parseCnDate, parseCnMonth } from './dates';
import type { LocalDate } from './time';

/** Help groups, in the order `帮助` lists them. */
export const GROUPS = [
  '常用',
  '目录',
  '审批',
  '投诉',
  '巡查',
  '通报',
  '整改问效',
  '窗口',
  '高峰停办',
  '综窗',
  '考勤',
  '绩效',
  '失物',
  '办件',
  '事项',
  '专递',
  '考勤',
  '日历',
  '设置',
] as const;
export type Group = (typeof GROUPS)[number];

/** Schema builders for arguments that depend on the clock (dates are resolved against `ctx.now`). */
export interface ArgTools {
  now: Date;
  /** A required date (`3月2日`, `2026-03-02`, `明天`, `下周一`…). */
  date(label: string): z.ZodType<LocalDate>;
  /** A month (`2026-03`, `3月`, `上月`). */
  month(label: string): z.ZodType<string>;
}

export function argTools(now: Date): ArgTools {
  return {
    now,
    date: (label) =>
      z
        .string({ error: `缺少${label}` })
        .transform((s, c) => {
          const d = parseCnDate(s, now);
          if (!d) {
            c.addIssue({ code: 'custom', message: `无法识别。例：${DATE_EXAMPLES}` });
            return z.NEVER;
          }
          return d;
        })
        .describe(label),
    month: (label) =>
      z
        .string()
        .transform((s, c) => {
          const d = parseCnMonth(s, now);
          if (!d) {
            c.addIssue({ code: 'custom', message: '无法识别。例：2026-03、3月、上月' });
            return z.NEVER;
          }
          return d;
        })
        .describe(label),
  };
}

export interface CommandDef<S extends z.ZodType = z.ZodType> {
  /** The words that select the row, e.g. `窗口 关闭` (longest match wins). */
  name: string;
  aliases?: string[];
  group: Group;
  /** One line for `帮助`. */
  summary: string;
  /** Who may run it; checked once, by the dispatcher (design rule 8). */
  roles: readonly Role[] | 'all';
  usage: string;
  examples: string[];
  /** Rule IDs the command implements (shown by `帮助 <命令>`). */
  rules?: string[];
  /** Names given to positional arguments, in order; extra positional words go to the last one. */
  positional?: string[];
  /** Argument schema keyed by the Chinese argument names (`从`, `到`, `事由`…). */
  args: (t: ArgTools) => S;
  handle(ctx: Ctx, args: z.output<S>): Promise<void>;
}

/** A command is data: one row of the literal table in commands/index.ts (the house style). */
export function defineCommand<S extends z.ZodType>(def: CommandDef<S>): CommandDef<S> {
  return def;
}

/** The positional-to-named mapping, then the row's zod schema; returns a Chinese message on failure. */
export function bindArgs(
  cmd: CommandDef,
  positional: string[],
  named: Record<string, string>,
  now: Date,
): { ok: true; value: unknown } | { ok: false; message: string; field?: string } {
  const input: Record<string, string> = { ...named };
  const names = cmd.positional ?? [];
  positional.forEach((value, i) => {
    const key = names[Math.min(i, names.length - 1)];
    if (key === undefined) return;
    input[key] = i >= names.length && input[key] !== undefined ? `${input[key]} ${value}` : value;
  });
  if (positional.length > 0 && names.length === 0) {
    return {
      ok: false,
      message: `“${positional.join(' ')}”无法识别。用法：${cmd.usage}\n例：${cmd.examples[0] ?? ''}`,
    };
  }
  const schema = cmd.args(argTools(now));
  if (schema instanceof z.ZodObject) {
    const unknown = Object.keys(input).filter((k) => !(k in schema.shape));
    if (unknown.length > 0) {
      const known = Object.keys(schema.shape).join('、');
      return {
        ok: false,
        message: `未知参数“${unknown[0]}”。可用参数：${known || '无'}。用法：${cmd.usage}`,
        field: unknown[0],
      };
    }
  }
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, value: result.data };
  const issue = result.error.issues[0];
  // The issue's path names the argument: an H5 form shows the message beside that field (D221).
  const key = String(issue.path[0] ?? '');
  const example = cmd.examples[0] ? `例：${cmd.examples[0]}` : `用法：${cmd.usage}`;
  const field = key && schema instanceof z.ZodObject ? (schema.shape as Record<string, z.ZodType>)[key] : undefined;
  const label = field?.description;
  if (key && input[key] === undefined) {
    return { ok: false, message: `缺少参数“${key}”${label ? `（${label}）` : ''}。${example}`, field: key };
  }
  if (key)
    return {
      ok: false,
      field: key,
      message:
        `“${key}=${input[key]}”${issue.message.startsWith('无法识别') ? issue.message : `无效：${issue.message}`}。${issue.message.startsWith('无法识别') ? '' : example}`.replace(
          /。。/g,
          '。',
        ),
    };
  return { ok: false, message: `${issue.message}。${example}` };
}
