import type { EntityManager } from 'typeorm';
import { z } from 'zod';
import { SettingRow } from '../../entities/setting';
import { UserError } from '../kernel/errors';
import { SETTINGS, type SettingName, type SettingValue, jobCronSchema } from './table';

/** Typed access to settings: the stored override if any, else the declared default. */
export async function getSetting<N extends SettingName>(m: EntityManager, name: N): Promise<SettingValue<N>> {
  const row = await m.findOne(SettingRow, { where: { name } });
  if (row) {
    const parsed = SETTINGS[name].schema.safeParse(row.value);
    if (parsed.success) return parsed.data as SettingValue<N>;
  }
  return SETTINGS[name].default as SettingValue<N>;
}

/** Job cron override (D15); undefined = use the jobs table's default. */
export async function getJobCron(m: EntityManager, job: string): Promise<string | undefined> {
  const row = await m.findOne(SettingRow, { where: { name: `job.${job}.cron` } });
  if (!row) return undefined;
  const parsed = jobCronSchema.safeParse(row.value);
  return parsed.success ? parsed.data : undefined;
}

export function isSettingName(name: string): name is SettingName {
  return Object.prototype.hasOwnProperty.call(SETTINGS, name);
}

/** Turn chat text into a typed value for a setting's schema; UserError with the schema's message. */
export function parseSettingValue(schema: z.ZodType, raw: string): unknown {
  const candidates: unknown[] = [raw];
  const trimmed = raw.trim();
  if (/^-?\d+(\.\d+)?$/.test(trimmed)) candidates.unshift(Number(trimmed));
  if (trimmed === '是' || trimmed === 'true') candidates.unshift(true);
  if (trimmed === '否' || trimmed === 'false') candidates.unshift(false);
  if (/^[[{]/.test(trimmed)) {
    try {
      candidates.unshift(JSON.parse(trimmed));
    } catch {
      /* not JSON: try the other readings */
    }
  }
  let firstError: z.ZodError | undefined;
  for (const c of candidates) {
    const r = schema.safeParse(c);
    if (r.success) return r.data;
    firstError ??= r.error;
  }
  throw new UserError(`设置值“${raw}”无效：${firstError?.issues.map((i) => i.message).join('；')}`);
}
