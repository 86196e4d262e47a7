import { z } from 'zod';
import type { Ctx } from '../src/kernel/ctx';
import { defineCommand } from '../src/kernel/command';
import { replyList } from '../src/kernel/replies';
import { findRecord } from '../src/domain/records/find';
import { recordHistory } from '../src/domain/records/history';

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
