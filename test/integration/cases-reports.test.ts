import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ServiceCase } from '../../entities/case';
import { type TestBot, startTestBot } from '../helpers/bot';
import { acceptCase, finishCase, setPlatformDue } from './cases-clock-helpers';

// CAS-19 办件 超期率 (OPEN #45: withdrawals apart; D113 the earlier 到期日), its monthly-batch section 六 row
// (D92), and ACC-08 办件 责任 with the 待认定 list (D116). March 2025 has no holidays.

let t: TestBot;
const at = (day: string, hhmm = '10:00') => `2025-${day}T${hhmm}:00+08:00`;

beforeAll(async () => {
  t = await startTestBot({ now: at('03-10') });
  await acceptCase(t, { no: 'AJ2025-00001', limitWd: 10, acceptedAt: at('03-10') }); // due 03-24
  await acceptCase(t, { no: 'AJ2025-00002', limitWd: 5, acceptedAt: at('03-10') }); // due 03-17
  await acceptCase(t, { no: 'AJ2025-00003', limitWd: 5, acceptedAt: at('03-10') }); // due 03-17, platform 03-14
  await acceptCase(t, { no: 'AJ2025-00004', limitWd: 5, acceptedAt: at('03-10') });
  await acceptCase(t, { no: 'AJ2025-00005', limitWd: 5, dept: 'SB', handler: 'wujing', acceptedAt: at('03-20') });
  await setPlatformDue(t, 'AJ2025-00003', '2025-03-14');
  await finishCase(t, 'AJ2025-00001', at('03-24', '17:30')); // on time at the cut-off
  await finishCase(t, 'AJ2025-00002', at('03-18', '09:00')); // 1 WD late
  await finishCase(t, 'AJ2025-00003', at('03-17', '16:00')); // in time for the bot, late for the platform
  await finishCase(t, 'AJ2025-00004', at('03-19'), '已撤回');
  t.setNow(at('04-02'));
});
afterAll(async () => t.close());

describe('CAS-19 办件 超期率', () => {
  it('CAS-19 hall and department lines: the earlier 到期日 counts, withdrawals apart, open overdue named', async () => {
    await t.say('zhao', '办件 超期率 2025-03');
    expect(t.lastTextTo('zhao')).toBe(
      [
        '3月 全厅 超期率 66.7%（办结 3 件，超期 2 件；撤回 1 件另计；另有超期未办结 1 件）',
        'GA 66.7%（办结 3 件，超期 2 件；撤回 1 件另计）',
        'SB —（办结 0 件，超期 0 件；另有超期未办结 1 件）',
      ].join('\n'),
    );
  });

  it('CAS-19 a 首席代表 sees the own department only', async () => {
    await t.say('wangwu', '办件 超期率 上月');
    expect(t.lastTextTo('wangwu')).toBe('3月 GA 超期率 66.7%（办结 3 件，超期 2 件；撤回 1 件另计）');
    await t.say('lisi', '办件 超期率');
    expect(t.lastTextTo('lisi')).toContain('你没有权限');
  });

  it('CAS-19 / D92 monthly-batch section 六: the hall line to G-OFFICE, each 首席代表 the own line', async () => {
    await t.runJob('monthly-batch', at('04-01', '09:00'));
    const office = (await t.groupTexts('G-OFFICE')).find((x) => x.startsWith('【月度汇总】3月'));
    expect(office).toContain('六、其他月度指标：');
    expect(office).toContain(
      '（CAS-19）办件超期率：全厅 66.7%（办结 3 件，超期 2 件；撤回 1 件另计；另有超期未办结 1 件）；GA 66.7%',
    );
    const own = t.textsTo('huangyan').find((x) => x.startsWith('【3月本部门情况】SB'));
    expect(own).toContain('办件超期率：—（办结 0 件，超期 0 件；另有超期未办结 1 件）');
  });
});

describe('ACC-08 办件 责任', () => {
  it('ACC-08 cases closed overdue or named by a finding are 待认定 until set', async () => {
    await t.say('zhao', '巡查 发现 窗口=12 项=4 说明=AJ2025-00001 受理时未按审查要点核对材料');
    await t.say('zhao', '办件 责任');
    const list = t.lastTextTo('zhao');
    expect(list).toContain('待认定责任 3 件');
    expect(list).toMatch(/AJ2025-00001 待认定（巡查 WT2025-\d+）/);
    expect(list).toContain('AJ2025-00002 待认定（超期办结）');
    expect(list).toContain('AJ2025-00003 待认定（超期办结）');
    expect(list).not.toContain('AJ2025-00004');
    await t.say('zhao', '办件 责任 AJ2 责任方=综窗 说明=未按审查要点受理');
    expect(t.lastTextTo('zhao')).toBe('✅ AJ2025-00002 责任方：综窗（未按审查要点受理）');
    expect(await t.bot.deps.db.manager.findOneByOrFail(ServiceCase, { no: 'AJ2025-00002' })).toMatchObject({
      faultParty: '综窗',
      faultBy: 'zhao',
    });
    await t.say('zhao', '办件 责任');
    expect(t.lastTextTo('zhao')).toContain('待认定责任 2 件');
    expect(t.lastTextTo('zhao')).not.toContain('AJ2025-00002');
  });

  it('ACC-08 a mistyped number gets the nearest; a wrong 责任方 or a missing 说明 is refused', async () => {
    await t.say('zhao', '办件 责任 AJ2025-00012 责任方=审批部门 说明=审查要点过期');
    expect(t.lastTextTo('zhao')).toMatch(/^没有 AJ2025-00012。你是不是要：AJ2025-00002/);
    await t.say('zhao', '办件 责任 AJ2025-00003 责任方=窗口 说明=xx');
    expect(t.lastTextTo('zhao')).toContain('责任方应为 审批部门 或 综窗');
    await t.say('zhao', '办件 责任 AJ2025-00003 责任方=审批部门');
    expect(t.lastTextTo('zhao')).toContain('认定责任需要 责任方= 和 说明=');
    await t.say('wangwu', '办件 责任 AJ2025-00003 责任方=审批部门 说明=审查要点过期');
    expect(t.lastTextTo('wangwu')).toContain('你没有权限');
  });
});
