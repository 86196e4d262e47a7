import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { complaintLedger } from '../../src/domain/complaints/ledger';
import { type TestBot, startTestBot } from '../helpers/bot';
import { respondentFeed } from './complaints-helpers';

// D62 (REC-01, REC-07, D18) through the whole bot: a 保密 complaint whose
// 事项 and 意见 repeat the complainant's name, phone (spaced) and ID number reaches the respondent side with none
// of them; the 投诉台账's 事项 is masked unless the exporter may see personal data.

const NAME = '王建国';
const LEAKS = ['王建国', '13912345678', '139 1234 5678', '1234 5678', '152701199001011234', '19900101'];

describe('free-text masking on the respondent side and in exports', () => {
  let t: TestBot;
  let no: string;
  beforeAll(async () => {
    t = await startTestBot({ now: '2026-03-03T09:40:00+08:00' });
    await t.say(
      'zhao',
      `投诉 登记 对象=12号窗 事项=${NAME}（身份证152701199001011234，电话139 1234 5678）反映办理户籍迁入时态度生硬 方式=投诉登记本 姓名=${NAME} 电话=13912345678 保密=是 类别=服务态度`,
    );
    no = /✅ (TS\d{4}-\d{4})/.exec(t.lastTextTo('zhao'))![1];
    await t.say('zhao', `投诉 调查 ${no} 对象=投诉人 记录=${NAME}称窗口人员态度生硬`);
    await t.say('zhao', `投诉 调查 ${no} 对象=被投诉人 记录=李四作出解释`);
    await t.say('zhao', `投诉 转交 ${no} 部门=GA 意见=向${NAME}当面道歉并回访13912345678`);
    expect(t.lastTextTo('zhao')).toMatch(/已转交 GA/);
  }, 60_000);
  afterAll(async () => t.close());

  it('D18 a 保密 complaint shows the respondent side nothing about the complainant, in 事项 and 意见 either', async () => {
    const feed = (await respondentFeed(t)).join('\n');
    expect(feed).toContain(no);
    for (const leak of LEAKS) expect(feed).not.toContain(leak);
    expect(feed).not.toContain('王*');
    expect(feed).not.toContain('139****5678');
  });

  it('REC-07 the complaint ledger’s 事项 is masked in a masked export and full for 大厅管理室', async () => {
    const range = { from: '2026-01-01', to: '2026-12-31' };
    const masked = JSON.stringify(await complaintLedger.build(t.bot.deps.db, range, { unmasked: false }));
    for (const leak of LEAKS) expect(masked).not.toContain(leak);
    const full = JSON.stringify(await complaintLedger.build(t.bot.deps.db, range, { unmasked: true }));
    expect(full).toContain('152701199001011234');
    expect(full).toContain(NAME);
  });
});
