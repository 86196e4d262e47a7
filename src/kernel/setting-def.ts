import type { z } from 'zod';

/** One row of the SETTINGS table (src/settings/table.ts): an OPEN proposal or rule threshold with its default. */
export interface SettingDef<S extends z.ZodType = z.ZodType> {
  schema: S;
  default: z.infer<S>;
  rules: string[];
  /** OPEN register number (the OPEN register (docs/settings.md)), if the setting is an OPEN proposal. */
  open?: number;
  description: string;
}
