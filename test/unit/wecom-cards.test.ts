import { describe, expect, it } from 'vitest';
import { checkCard } from '../../src/fake-wecom/validate';
import { buttonCard, clip, noticeCard, taskIdFor } from '../../src/wecom/cards';

// Template card builders (WeCom doc 90236). The fake WeCom's card rules double as the acceptance check.

const TASK_ID = /^[0-9A-Za-z_\-@]{1,128}$/;

const approvalCard = () =>
  buttonCard({
    taskId: 'SP20240501001-1-1',
    title: '请假申请待审批',
    desc: '提交于 05-01 09:30',
    subTitle: '张三 申请年假 2 天',
    fields: [
      { key: '申请人', value: '张三' },
      { key: '事由', value: '家中有事需要处理，预计两天内返回，期间工作由李四代理并保持电话畅通' },
    ],
    buttons: [
      { text: '同意', key: 'approve:SP20240501001', style: 1 },
      { text: '驳回', key: 'reject:SP20240501001', style: 2 },
    ],
    url: 'https://hall.example.gov.cn/r/42',
  });

describe('buttonCard', () => {
  it('builds a button_interaction card with source 政务大厅, task id and callback buttons (D2 keys)', () => {
    const card = approvalCard();
    expect(card).toMatchObject({
      card_type: 'button_interaction',
      source: { desc: '政务大厅' },
      main_title: { title: '请假申请待审批', desc: '提交于 05-01 09:30' },
      sub_title_text: '张三 申请年假 2 天',
      task_id: 'SP20240501001-1-1',
      card_action: { type: 1, url: 'https://hall.example.gov.cn/r/42' },
      button_list: [
        { type: 0, text: '同意', style: 1, key: 'approve:SP20240501001' },
        { type: 0, text: '驳回', style: 2, key: 'reject:SP20240501001' },
      ],
    });
  });

  it('long field values are clipped to 26 characters ending in …', () => {
    const value = (approvalCard().horizontal_content_list as { value: string }[])[1].value;
    expect(Array.from(value)).toHaveLength(26);
    expect(value.endsWith('…')).toBe(true);
    expect(value.startsWith('家中有事需要处理')).toBe(true);
  });

  it('passes the fake WeCom card checks (what message/send validates)', () => {
    expect(checkCard(approvalCard(), 'app')).toBeUndefined();
  });

  it('refuses more than 6 buttons, more than 6 fields, duplicate keys and a bad task id', () => {
    const base = { taskId: 't1', title: 't', buttons: [{ text: 'a', key: 'a' }] };
    const seven = Array.from({ length: 7 }, (_, i) => ({ text: `b${i}`, key: `k${i}` }));
    expect(() => buttonCard({ ...base, buttons: seven })).toThrow(RangeError);
    expect(() =>
      buttonCard({ ...base, fields: Array.from({ length: 7 }, (_, i) => ({ key: `f${i}`, value: 'v' })) }),
    ).toThrow(RangeError);
    expect(() =>
      buttonCard({
        ...base,
        buttons: [
          { text: 'a', key: 'x' },
          { text: 'b', key: 'x' },
        ],
      }),
    ).toThrow(/duplicate/);
    expect(() => buttonCard({ ...base, taskId: '审批 1' })).toThrow(/task_id/);
  });
});

describe('noticeCard', () => {
  it('builds a text_notice card whose card_action (mandatory) opens the url', () => {
    const card = noticeCard({
      title: '今日简报',
      emphasis: { title: '3', desc: '件逾期' },
      fields: [{ key: '窗口', value: '12' }],
      url: 'https://hall.example.gov.cn/b/1',
    });
    expect(card).toMatchObject({
      card_type: 'text_notice',
      source: { desc: '政务大厅' },
      main_title: { title: '今日简报' },
      emphasis_content: { title: '3', desc: '件逾期' },
      card_action: { type: 1, url: 'https://hall.example.gov.cn/b/1' },
    });
    expect(checkCard(card, 'app')).toBeUndefined();
    expect(checkCard(card, 'robot')).toBeUndefined();
  });

  it('needs a title or a subTitle, and an http(s) url', () => {
    expect(() => noticeCard({ url: 'https://x.example' })).toThrow(/title/);
    expect(() => noticeCard({ title: 't', url: 'javascript:alert(1)' })).toThrow(/url/);
  });
});

describe('taskIdFor', () => {
  it('keeps an ASCII seed readable: parts joined by -', () => {
    expect(taskIdFor('SP20240501001', 1, 2)).toBe('SP20240501001-1-2');
  });

  it('sanitises non-ASCII seeds into the allowed alphabet, deterministically, and keeps distinct seeds distinct', () => {
    const a = taskIdFor('审批', '张三', 1);
    const b = taskIdFor('审批', '李四', 1);
    expect(a).toMatch(TASK_ID);
    expect(b).toMatch(TASK_ID);
    expect(a).not.toBe(b);
    expect(taskIdFor('审批', '张三', 1)).toBe(a);
  });

  it('a seed that looks like a hashed id, or is very long, still maps to a distinct id ≤ 128 bytes', () => {
    const long = taskIdFor('x'.repeat(500));
    expect(long).toMatch(TASK_ID);
    expect(taskIdFor('x'.repeat(501))).not.toBe(long);
    const plain = taskIdFor('abc');
    expect(taskIdFor(`${plain}@`)).not.toBe(plain);
    expect(taskIdFor(`${plain}@`)).toMatch(TASK_ID);
  });
});

describe('clip', () => {
  it('never splits a surrogate pair', () => {
    expect(clip('👍👍👍👍', 3)).toBe('👍👍…');
    expect(clip('短', 3)).toBe('短');
  });
});
