import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { bindArgs, defineCommand } from '../../src/kernel/command';
import { onField, ruleRefusal, UserError } from '../../src/kernel/errors';
import { formPage } from '../../src/http/h5/render';
import type { FormDef } from '../../src/kernel/forms';

// D221: a refusal about one field carries the field's key — from the zod issue's path or set at the rule check —
// and the H5 page shows it beside that input; the chat wording is the message itself, unchanged.

const cmd = defineCommand({
  name: '测试 申请',
  group: '常用',
  summary: '测试',
  roles: 'all',
  usage: '测试 申请 日期=<日期>',
  examples: ['测试 申请 日期=3月5日'],
  args: (t) => z.object({ 日期: t.date('日期'), 人数: z.coerce.number().int().positive().optional() }),
  async handle() {},
});
const now = new Date('2026-03-03T10:00:00+08:00');

describe('field keys on refusals (D221)', () => {
  it('a zod issue names its argument by path: unreadable, missing, invalid, unknown', () => {
    expect(bindArgs(cmd, [], { 日期: '某天' }, now)).toMatchObject({ ok: false, field: '日期' });
    expect(bindArgs(cmd, [], {}, now)).toMatchObject({ ok: false, field: '日期' });
    expect(bindArgs(cmd, [], { 日期: '3月5日', 人数: '-2' }, now)).toMatchObject({ ok: false, field: '人数' });
    expect(bindArgs(cmd, [], { 日期: '3月5日', 地点: 'x' }, now)).toMatchObject({ ok: false, field: '地点' });
    expect(bindArgs(cmd, [], { 日期: '3月5日' }, now)).toMatchObject({ ok: true });
  });

  it('the chat message is unchanged: the field rides beside it', () => {
    const bound = bindArgs(cmd, [], { 日期: '3月5日', 人数: '-2' }, now);
    expect(bound.ok).toBe(false);
    if (!bound.ok) expect(bound.message).toMatch(/^“人数=-2”无效：/);
    const e = ruleRefusal('STF-02', '000 调整管理 三(一)1', '入岗须至少提前5个工作日申请。', '入岗');
    expect(e.message).toBe('❌ 不符合规定（rule STF-02；000 调整管理 三(一)1）：入岗须至少提前5个工作日申请。');
    expect(e.field).toBe('入岗');
  });

  it('onField marks a lookup refusal with the field, and keeps a field already set', async () => {
    await expect(
      onField('窗口', () => {
        throw new UserError('没有99号窗。');
      }),
    ).rejects.toMatchObject({ field: '窗口' });
    await expect(
      onField('窗口', () => {
        throw new UserError('x', '从');
      }),
    ).rejects.toMatchObject({ field: '从' });
    await expect(onField('窗口', () => Promise.reject(new Error('boom')))).rejects.not.toHaveProperty('field');
  });

  it('the page puts each message under its input, tied by aria-describedby, and escapes what was typed', () => {
    const form: FormDef = {
      kind: 't',
      title: '测试表',
      command: '测试 申请',
      fields: [
        { key: '日期', label: '日期', type: 'date' },
        { key: '说明', label: '说明', type: 'textarea' },
        { key: '照片', label: '照片', type: 'file' },
      ],
    };
    const html = formPage(form, {
      values: { 日期: '某天', 说明: '<b>"x"</b>' },
      hidden: { s: 'tok' },
      fieldErrors: { 日期: '“日期=某天”无法识别' },
    });
    expect(html).toContain(
      '<input id="f_日期" name="日期" value="某天" placeholder="如 3月5日 或 2026-03-05" aria-describedby="err-日期" aria-invalid="true">',
    );
    expect(html).toContain('<p class="field-error" id="err-日期" data-field="日期">“日期=某天”无法识别</p>');
    expect(html).toContain('&lt;b&gt;&quot;x&quot;&lt;/b&gt;</textarea>');
    expect(html).toContain('enctype="multipart/form-data"');
    expect(html).toContain('只接受 JPG、PNG、PDF、Word，每个文件不超过 20 MB');
  });
});
