import { In, LessThanOrEqual } from 'typeorm';
import { WindowClosure } from '../../../entities/window-closure';
import type { Ctx } from '../../kernel/ctx';
import { type LocalDate, shortDate } from '../../kernel/time';
import { setStatus } from './closure-lifecycle';
import { windowsByNumber } from './common';
import { windowsLabel } from './rules';

// filing-watch step (D38; WIN-09, WIN-10 — 000_c8ed09c118362bcb.txt 调整管理 二(二)3, 二(三)): the registry follows an
// approved reopening on its day, and a seasonal window goes back to 季节性 after the season its plan names, with
// 大厅管理室 told. Views and checks never wait for this step: state.ts derives the same state for any date.

/** Reopenings whose day has come: the registry says 在用; a 重启 record is then done (`ended`). */
async function applyDueReopens(ctx: Ctx, today: LocalDate, rows: WindowClosure[]): Promise<number> {
  let n = 0;
  for (const r of rows) {
    if (r.type === '季节重启' && r.toDate !== null && r.toDate < today) continue;
    for (const w of await windowsByNumber(ctx.m, r.windows))
      if (w.status !== '在用') {
        await setStatus(ctx, w, '在用', null, r.no);
        n++;
      }
    // A 季节重启 stays approved: its toDate is the season's end, which seasonsOver() still needs.
    if (r.type === '重启') await ctx.m.update(WindowClosure, { id: r.id, status: 'approved' }, { status: 'ended' });
  }
  return n;
}

/** rule WIN-10: after the season, 季节性 again; the record is done and 大厅管理室 told (once: status guard + key). */
async function seasonsOver(ctx: Ctx, today: LocalDate, rows: WindowClosure[]): Promise<number> {
  let n = 0;
  for (const r of rows) {
    if (r.type !== '季节重启' || r.toDate === null || r.toDate >= today) continue;
    const res = await ctx.m.update(WindowClosure, { id: r.id, status: 'approved' }, { status: 'ended' });
    if ((res.affected ?? 0) !== 1) continue;
    for (const w of await windowsByNumber(ctx.m, r.windows))
      if (w.status === '在用') await setStatus(ctx, w, '季节性', null, r.no);
    await ctx.audit('window_closure.season_over', 'window_closure', r.no, { end: r.toDate });
    await ctx.send(
      { group: 'G-OFFICE' },
      {
        text: `${windowsLabel(r.windows)} 季节性使用期已于 ${shortDate(r.toDate)} 结束，恢复为季节性窗口（${r.no}，rule WIN-10）。`,
      },
      `gb:${r.no}:season-over`,
    );
    n++;
  }
  return n;
}

export async function runReopenEffects(ctx: Ctx, today: LocalDate): Promise<{ reopened: number; seasonsOver: number }> {
  const rows = await ctx.m.find(WindowClosure, {
    where: { type: In(['重启', '季节重启']), status: 'approved', fromDate: LessThanOrEqual(today) },
    order: { fromDate: 'ASC' },
  });
  return { reopened: await applyDueReopens(ctx, today, rows), seasonsOver: await seasonsOver(ctx, today, rows) };
}
