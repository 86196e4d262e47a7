import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { Ctx } from '../src/kernel/ctx';
import { defineCommand } from '../src/kernel/command';
import { UserError } from '../src/kernel/errors';
import { replyList } from '../src/kernel/replies';
import { findRecord } from '../src/domain/records/find';
import { recordHistory } from '../src/domain/records/history';
import { correctRecord } from '../src/domain/records/correct';
import { printableForm } from '../src/domain/records/print';
import { formDocx } from '../src/reports/form-docx';
import { cnDate } from '../src/kernel/time';

// 记录 历史 / 记录 更正 (docs/commands.md; REC-02, REC-06, REC-09): one pair of commands for every numbered
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

export const exportFormCommand = defineCommand({
  name: '导出 表单',
  group: '常用',
  summary: '把一份已填报的表单（附件1–4、停办备案表、高峰预案、巡查记录、约谈记录…）连同签字记录导出为 Word 文件',
  roles: ['hall_office', 'leader', 'supervisor', 'chief_rep'],
  usage: '导出 表单 <编号>',
  examples: ['导出 表单 GB2026-GA-001', '导出 表单 TB2026-SB-001', '导出 表单 XC2026-0031'],
  rules: ['REC-08', 'REC-02'],
  positional: ['编号'],
  args: () => z.object({ 编号: z.string().min(2).describe('记录编号（GB2026-GA-001…）') }),
  async handle(ctx, a) {
    const form = await printableForm(ctx, await findRecord(ctx, a.编号));
    const dir = join(ctx.deps.config.attachmentDir, 'exports');
    await mkdir(dir, { recursive: true });
    const filename = `${form.no}_${form.title}.docx`;
    const path = join(dir, `${ctx.actor.userid}-${ctx.now.getTime()}-${filename}`);
    await writeFile(path, await formDocx(form));
    await ctx.audit('form.export', 'form', form.no, { title: form.title, copies: form.copies.length });
    await ctx.send(
      { user: ctx.actor.userid },
      { file: { path, filename } },
      `export-form:${ctx.actor.userid}:${ctx.now.getTime()}:${form.no}`,
    );
    // A form kept by one office alone (投诉登记表, 巡查记录, 约谈记录: D71, D217, D218) says so instead of 一式两份.
    const copies = form.copies.length === 2 ? '一式两份，含审批签字记录' : `一份，${form.copies.join('、')}`;
    await ctx.reply(`✅ ${form.no} ${form.title}（${copies}）文件已发送`);
  },
});
