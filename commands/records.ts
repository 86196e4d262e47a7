import { z } from 'zod';
import type { Ctx } from '../src/kernel/ctx';
import { defineCommand } from '../src/kernel/command';
import { UserError } from '../src/kernel/errors';
import { replyList } from '../src/kernel/replies';
import { findRecord } from '../src/domain/records/find';
import { recordHistory } from '../src/domain/records/history';
import { correctRecord } from '../src/domain/records/correct';
import { cnDate } from '../src/kernel/time';

// 记录 历史 / 记录 更正 (commands.md §3.16; REC-02, REC-06, REC-09): one pair of commands for every numbered
// record, driven by the RECORD_KINDS table (src/tables.ts).

/** `记录 历史` and its alias `投诉 历史`: the record's append-only history, paged (更多). */
export async function replyRecordHistory(ctx: Ctx, ref: string): Promise<void> {
  const f = await findRecord(ctx, ref);
  const lines = await recordHistory(ctx, f);
  await replyList(ctx, `${f.rec.no} ${f.kind.label} 全过程记录（只增不改）`, lines);
}

export const recordHistoryCommand = defineCommand({
  name: '记录 历史',
  group: '常用',
  summary: '任一编号记录的全过程记录（只增不改）：创建、每次变更和更正、审批、提醒、附件',
  roles: 'all',
  usage: '记录 历史 <编号>',
  examples: ['记录 历史 TS12', '记录 历史 GB2026-GA-003', '记录 历史 SW7'],
  rules: ['REC-02', 'REC-06', 'REC-07'],
  positional: ['编号'],
  args: () => z.object({ 编号: z.string().min(2).describe('记录编号（TS12、GB2026-GA-003、SW7…）') }),
  async handle(ctx, a) {
    await replyRecordHistory(ctx, a.编号);
  },
});

export const recordCorrectCommand = defineCommand({
  name: '记录 更正',
  group: '常用',
  summary: '更正记录的一个字段：保留原值，写明谁、何时、为何；已确认的证据不能更正',
  roles: ['hall_office', 'chief_rep'],
  usage: '记录 更正 <编号> <字段>=<值> 原因=…',
  examples: [
    '记录 更正 SW7 特征=黑色皮质钱包 原因=登记时写错颜色',
    '记录 更正 TS12 受理日期=3月2日 原因=补录纸质登记本',
  ],
  rules: ['REC-02', 'REC-06', 'REC-09'],
  positional: ['编号'],
  // The field names depend on the record kind (RECORD_KINDS), so every `名=值` is passed on and checked there.
  args: () => z.record(z.string(), z.string()),
  async handle(ctx, a) {
    const { 编号: ref, 原因: reason, ...changes } = a;
    if (!ref) throw new UserError('请写记录编号。例：记录 更正 SW7 特征=黑色皮质钱包 原因=登记时写错颜色');
    const r = await correctRecord(ctx, ref, changes, reason);
    const moved = r.moved.map((d) => `${cnDate(d.from)}→${cnDate(d.to)}`).join('、');
    await ctx.reply(
      `✅ ${r.no}${r.version !== null ? ` v${r.version}` : ''}：${r.field} 已更正（原值已留痕，可用 记录 历史 ${r.no} 查看）${moved ? `\n期限已重算：${moved}` : ''}`,
    );
  },
});
