import { systemActor } from '../../kernel/ctx';
import { makeCtx } from '../../kernel/make-ctx';
import { printableForm } from '../../domain/records/print';
import { fitForm } from '../../reports/form-fit';
import type { Invariant } from './types';

// REC-08 / D219: every record of the month that prints a form (导出 表单) renders, and a form whose seed is one page
// fits one page per copy by the renderer's estimate — with the values the simulated people really typed.
export const formsOnePage: Invariant = {
  name: 'filed forms print, one page where the seed form is one page',
  rules: 'REC-08, D215, D219',
  async check(f) {
    // Read as 大厅管理室, as the yearly archive reads them (D208): every record is visible, nothing masked.
    const actor = { ...systemActor('simulation'), name: '大厅管理室', roles: ['hall_office' as const] };
    const ctx = makeCtx(f.deps, f.m, f.end, actor, 'simulation:forms');
    const violations: string[] = [];
    let checked = 0;
    for (const kind of f.deps.tables.recordKinds) {
      const form = kind.printForm;
      if (!form) continue;
      for (const no of await kind.numbers(ctx)) {
        const rec = await kind.load(ctx, no);
        if (!rec || (form.appliesTo && !form.appliesTo(rec))) continue;
        checked += 1;
        const pages = fitForm(await printableForm(ctx, { kind, rec })).pages;
        if (form.onePage && pages > 1) violations.push(`${no} ${form.title}: ${pages} pages per copy`);
      }
    }
    return { checked, violations };
  },
};
