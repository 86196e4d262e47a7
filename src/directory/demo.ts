import { readFile } from 'node:fs/promises';
import { Department } from '../../entities/department';
import type { Db } from '../db';
import { importDirectory, type ImportResult } from './import';

// The sandbox demo directory: 6 departments each with a 首席代表 (SB has exactly 4
// windows and ZH 10, so the WIN-04 cap can be shown), 24 windows (SL's seasonal one included), 33 people
// covering all ten roles with the names of docs/commands.md, and every group of conventions (docs/architecture.md) — G-DEPT-GA is a
// robot webhook pointed at the fake WeCom, the rest are app chats.

const DEMO_FILE = new URL('./demo-directory.json', import.meta.url);

/** The demo JSON with `{API_BASE}` in webhook URLs replaced by the (fake) WeCom base, e.g. `http://127.0.0.1:3000/_fake-wecom`. */
export async function demoDirectory(apiBase: string): Promise<Record<string, unknown>> {
  const text = await readFile(DEMO_FILE, 'utf8');
  return JSON.parse(text.replaceAll('{API_BASE}', apiBase.replace(/\/+$/, ''))) as Record<string, unknown>;
}

/**
 * Load the demo directory into an empty database (first sandbox start). Does nothing — and returns false —
 * when any department exists, so a restart never overwrites what people changed. Throws if the demo file
 * itself is invalid (a bug, caught by test/unit/demo-directory.test.ts).
 */
export async function loadDemoDirectory(db: Db, now: Date, apiBase: string): Promise<boolean> {
  if ((await db.manager.count(Department)) > 0) return false;
  const result: ImportResult = await importDirectory(db, now, 'system', await demoDirectory(apiBase));
  if (!result.ok) throw new Error(`demo directory invalid:\n${result.errors.join('\n')}`);
  return true;
}
