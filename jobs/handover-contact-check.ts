import type { Ctx } from '../src/kernel/ctx';
import { checkOwnerContacts } from '../src/domain/lost-found/contact-check';
import { checkMailHandovers } from '../src/domain/mail/watch';
import { checkPaperHandover } from '../src/domain/consult/paper-check';
import { localDate } from '../src/kernel/time';
import { defineJob, jobCtx } from '../src/kernel/job';

/** One domain's 16:30 check: returns how many items it reported. */
interface HandoverCheck {
  name: string;
  rule: string;
  run(ctx: Ctx): Promise<number>;
}

// D39: one shared 16:30 job, a literal list of per-domain checks (the rulebook's job list (docs/jobs.md) "Paper handover / owner contact
// logged?"). [cases] adds CAS-13 (paper not handed to the 审批部门) as a second row.
const CHECKS: HandoverCheck[] = [
  { name: 'owner-contact', rule: 'LST-04', run: checkOwnerContacts }, // lost items with 失主 info, not contacted
  { name: 'mail-handover', rule: 'MAIL-04', run: checkMailHandovers }, // 政务专递 not handed over, mailed or closed
  { name: 'paper-handover', rule: 'CAS-13', run: checkPaperHandover }, // 综窗 paper not yet with the 审批部门
];

export const handoverContactCheck = defineJob({
  name: 'handover-contact-check',
  cron: '30 16 * * *',
  workingDaysOnly: true,
  rules: [...CHECKS.map((c) => c.rule), 'OPEN #24', 'OPEN #44'],
  summary:
    '16:30 检查当日交接与联系：有失主信息的失物是否已通知失主（LST-04）；政务专递是否已转交、寄出并存快递存单（MAIL-04/07）；综窗受理件纸质材料是否已交审批部门（CAS-13）',
  recipients: '咨询导服群 G-GUIDE（失物）；政务专递经手人（私信）；综窗受理人（纸质材料交接）',
  periodKey: (now) => localDate(now),
  async run(deps, now) {
    const counts: Record<string, number> = {};
    for (const check of CHECKS)
      counts[check.name] = await deps.db.tx((m) => check.run(jobCtx(deps, m, now, 'handover-contact-check')));
    return counts;
  },
});
