import { z } from 'zod';
import type { SettingDef } from '../kernel/setting-def';

// Shared by the per-domain setting groups (src/settings/*.ts), assembled into SETTINGS in src/settings/table.ts.

export const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时间格式应为 HH:MM，例如 17:30');
export const cron = z.string().regex(/^(\S+\s+){4}\S+$/, 'cron 表达式应有5段，例如 45 7 * * *');
export const def = <S extends z.ZodType>(d: SettingDef<S>) => d;
