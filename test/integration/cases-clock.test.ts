import { afterEach, describe, expect, it } from 'vitest';
import { CaseClock } from '../../entities/case-clock';
import { Notice } from '../../entities/notice';
import { closeDeadline } from '../../src/calendar/deadlines';
import { type TestBot, startTestBot, textsDuring } from '../helpers/bot';
import { acceptCase, pauseCase } from './cases-clock-helpers';

// CAS-18 三级提醒 (OPEN #46) through job runs at set instants: §19 #21, the N ≤ 2 skip, one reminder per clock
// version and WD across re-runs, re-armed after 恢复, the 17:30 即办件 check and the L3 digest.

let t: TestBot;
afterEach(async () => {
  await t.close();
});

const MARCH = ['11', '12', '13', '14', '17', '18', '19', '20', '21', '24', '25', '26', '27', '28'];
const run = (day: string, time = '09:00') => t.runJob('case-reminders', `2025-${day}T${time}:00+08:00`);
const mentions = (texts: string[], needle: string) => texts.filter((x) => x.includes(needle));

describe('CAS-18 三级提醒', () => {
  it('CAS-18 §19 #21 10 WD accepted Mon 03-10: L1 Tue 03-18; L2 Fri 03-21 and Mon 03-24; L3 each WD from 03-25', async () => {
    t = await startTestBot({ now: '2025-03-10T10:00:00+08:00' });
    await acceptCase(t, { no: 'AJ2025-00001', limitWd: 10, acceptedAt: '2025-03-10T10:00:00+08:00' });
    const seen: Record<string, string[]> = {};
    for (const d of MARCH) {
      seen[d] = await textsDuring(t, ['lisi', 'wangwu', 'liu'], async () => {
        await run(`03-${d}`);
        await run(`03-${d}`, '09:05'); // a second fire the same WD repeats nothing
      });
    }
    const days = (needle: string) => MARCH.filter((d) => seen[d].some((x) => x.includes(needle)));
    expect(days('lisi:⏰ 办件 AJ2025-00001（户籍迁入）承诺时限已过半（L1）')).toEqual(['18']);
    expect(days('wangwu:⏰ 办件 AJ2025-00001（户籍迁入）承诺时限已过半')).toEqual([]);
    expect(days('lisi:⏰ 办件 AJ2025-00001（户籍迁入）将于 3月24日 到期（L2）')).toEqual(['21']);
    expect(days('wangwu:⏰ 办件 AJ2025-00001（户籍迁入）将于 3月24日 到期（L2）')).toEqual(['21']);
    expect(days('今日到期（L2）')).toEqual(['24']);
    expect(days('liu:🔴 办件超期（L3）')).toEqual(['25', '26', '27', '28']);
    expect(seen['25'].find((x) => x.startsWith('liu:'))).toContain(
      '1. AJ2025-00001 GA 户籍迁入 超期1个工作日（到期 3月24日）｜承办 李四',
    );
    expect(seen['28'].find((x) => x.startsWith('liu:'))).toContain('超期4个工作日');
    expect(mentions(await t.groupTexts('G-OFFICE'), '🔴 办件超期（L3）')).toHaveLength(4);
    // L3 is a digest: the 承办人 gets no per-case L3.
    expect(mentions(t.textsTo('lisi'), 'L3')).toHaveLength(0);
    // Nothing on the weekend between (jobs are WD only).
    expect((await run('03-22')).status).toBe('non-workday');
  });

  it('CAS-18 no L1 when the 承诺时限 is N ≤ 2 WD (OPEN #46), L2 still on the WD before and the due day', async () => {
    t = await startTestBot({ now: '2025-03-10T10:00:00+08:00' });
    await acceptCase(t, { no: 'AJ2025-00002', limitWd: 2, acceptedAt: '2025-03-10T10:00:00+08:00' });
    await acceptCase(t, { no: 'AJ2025-00003', limitWd: 3, acceptedAt: '2025-03-10T10:00:00+08:00' });
    for (const d of ['11', '12', '13']) await run(`03-${d}`);
    expect(mentions(t.textsTo('lisi'), 'AJ2025-00002（户籍迁入）承诺时限已过半')).toHaveLength(0);
    expect(mentions(t.textsTo('lisi'), 'AJ2025-00002（户籍迁入）将于 3月12日 到期')).toHaveLength(1);
    expect(mentions(t.textsTo('lisi'), 'AJ2025-00002（户籍迁入）今日到期')).toHaveLength(1);
    // N = 3: ⌈1.5⌉ = 2 WD passed on Thu 03-13 = the due day, where L2 already speaks: no separate L1.
    expect(mentions(t.textsTo('lisi'), 'AJ2025-00003（户籍迁入）承诺时限已过半')).toHaveLength(0);
    expect(mentions(t.textsTo('lisi'), 'AJ2025-00003（户籍迁入）将于 3月13日 到期')).toHaveLength(1);
  });

  it('CAS-18 each reminder once per clock version and WD; 中止/恢复 moves the clock and re-arms L2', async () => {
    t = await startTestBot({ now: '2025-03-10T10:00:00+08:00' });
    const id = await acceptCase(t, { no: 'AJ2025-00004', limitWd: 5, acceptedAt: '2025-03-10T10:00:00+08:00' });
    // 5 WD from Mon 03-10 → due Mon 03-17; L2 Fri 03-14.
    await run('03-14');
    await run('03-14', '09:30');
    expect(mentions(t.textsTo('lisi'), 'AJ2025-00004（户籍迁入）将于 3月17日 到期（L2）')).toHaveLength(1);
    // §19 #18 shape: paused Fri 03-14 to Mon 03-17 (2 WD) → due Wed 03-19; version bumped, L2 re-armed.
    await pauseCase(t, id, '2025-03-14T10:00:00+08:00', '2025-03-17T16:00:00+08:00');
    await run('03-17', '09:00');
    await run('03-18');
    await run('03-18', '10:00');
    expect(mentions(t.textsTo('lisi'), 'AJ2025-00004（户籍迁入）将于 3月19日 到期（L2）')).toHaveLength(1);
    await run('03-19');
    expect(mentions(t.textsTo('lisi'), 'AJ2025-00004（户籍迁入）今日到期（L2）')).toHaveLength(1);
    await run('03-20');
    await run('03-20', '11:00');
    expect(
      mentions(await t.groupTexts('G-OFFICE'), 'AJ2025-00004 GA 户籍迁入 超期1个工作日（到期 3月19日）'),
    ).toHaveLength(1);
    const clock = await t.bot.deps.db.manager.findOneByOrFail(CaseClock, { caseNo: 'AJ2025-00004' });
    expect(clock).toMatchObject({ deadlineVersion: 3, dueDate: '2025-03-19', l2Date: '2025-03-18' });
  });

  it('CAS-18 即办件 still open at 17:30 → L2 to 承办人 + 首席代表 at once, L3 in the next WD digest', async () => {
    t = await startTestBot({ now: '2025-03-12T10:00:00+08:00' });
    await acceptCase(t, {
      no: 'AJ2025-00005',
      limitWd: 0,
      type: '即办',
      item: '居住证签注',
      acceptedAt: '2025-03-12T10:00:00+08:00',
    });
    await run('03-12', '09:00');
    expect(mentions(t.textsTo('lisi'), 'AJ2025-00005')).toHaveLength(0);
    await t.runJob('instant-cases-open', '2025-03-12T17:30:00+08:00');
    await t.runJob('instant-cases-open', '2025-03-12T17:30:00+08:00', { force: true });
    const l2 = '⏰ 即办件 AJ2025-00005（居住证签注）仍未办结（L2），请今日办结或说明原因';
    expect(mentions(t.textsTo('lisi'), l2)).toHaveLength(1);
    expect(mentions(t.textsTo('wangwu'), l2)).toHaveLength(1);
    await run('03-13');
    expect(
      mentions(await t.groupTexts('G-OFFICE'), 'AJ2025-00005 GA 居住证签注 超期1个工作日（到期 3月12日）'),
    ).toHaveLength(1);
  });

  it('CAS-18 / BRF-02 L3 cases fill 口头通报 section 三 and its card count; a case closed drops out', async () => {
    t = await startTestBot({ now: '2025-03-10T10:00:00+08:00' });
    await acceptCase(t, { no: 'AJ2025-00006', limitWd: 5, acceptedAt: '2025-03-10T10:00:00+08:00' });
    const id = await acceptCase(t, {
      no: 'AJ2025-00007',
      limitWd: 5,
      dept: 'SB',
      handler: 'wujing',
      item: '养老保险关系转移',
      acceptedAt: '2025-03-11T10:00:00+08:00',
    });
    const notice = (day: string) => t.bot.deps.db.manager.findOneByOrFail(Notice, { periodKey: `口头:${day}` });
    await t.runJob('oral-notice-draft', '2025-03-17T07:45:00+08:00');
    expect((await notice('2025-03-17')).text).toContain('三、超期办件：无');
    await t.runJob('oral-notice-draft', '2025-03-19T07:45:00+08:00');
    const text = (await notice('2025-03-19')).text;
    expect(text).toContain(
      '三、超期办件（2）：AJ2025-00006 GA 户籍迁入 超期2个工作日（到期 3月17日）；AJ2025-00007 SB 养老保险关系转移 超期1个工作日（到期 3月18日）',
    );
    expect(text).not.toContain('李四');
    const fields = t.cardsTo('liu').at(-1)!.card!.horizontal_content_list as { keyname: string; value: string }[];
    expect(fields.find((f) => f.keyname === 'CAS L3')!.value).toBe('2');
    await t.bot.deps.db.tx((m) => closeDeadline(m, new Date('2025-03-19T15:00:00+08:00'), 'test', id, '办结'));
    await t.runJob('oral-notice-draft', '2025-03-20T07:45:00+08:00');
    expect((await notice('2025-03-20')).text).toContain('三、超期办件（1）：AJ2025-00006 GA 户籍迁入 超期3个工作日');
  });
});
