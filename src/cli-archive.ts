import { parseArgs } from 'node:util';
import { systemActor } from './kernel/ctx';
import type { Deps } from './kernel/deps';
import { makeCtx } from './kernel/make-ctx';
import { localDate, systemClock } from './kernel/time';
import { archiveSummary, buildYearArchive } from './domain/records/archive';

/**
 * `archive <年>` (REC-04, REC-10, D205): the year's archive written to <attachmentDir>/archive/<年>.zip by the
 * operator, as 大厅管理室; prints the path and the counts. The chat command also sends it to G-OFFICE.
 */
export async function runArchiveCli(args: string[], deps: Deps): Promise<number> {
  const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
  const now = systemClock.now();
  const year = Number(positionals[0]);
  if (!/^\d{4}$/.test(positionals[0] ?? '')) {
    console.error('usage: archive <年>   e.g. archive 2026');
    return 2;
  }
  if (year > Number(localDate(now).slice(0, 4))) {
    console.error(`${year}年尚未开始，无可归档的记录。`);
    return 2;
  }
  const actor = { ...systemActor('cli'), name: '大厅管理室', roles: ['hall_office' as const] };
  const r = await deps.db.tx(async (m) => {
    const ctx = makeCtx(deps, m, now, actor, 'cli:archive');
    const built = await buildYearArchive(ctx, year);
    await ctx.audit('records.archive', 'archive', String(year), {
      files: built.manifest.counts.files,
      manifestSha256: built.manifestSha256,
    });
    return built;
  });
  console.log(`${archiveSummary(r)}\n→ ${r.path}`);
  return 0;
}
