import { afterEach, describe, expect, it } from 'vitest';
import { ServiceCase } from '../../entities/case';
import { CaseEvent } from '../../entities/case-event';
import { Deadline } from '../../entities/deadline';
import { ServiceItem } from '../../entities/item';
import { insertRows } from '../../src/db';
import { type TestBot, startTestBot } from '../helpers/bot';
import { acceptCase } from './cases-clock-helpers';

// CAS-02 办件 导入 through the shared importer (D94, D115): upsert by 平台号, a re-import writes nothing, a
// malformed file writes nothing, mismatches are listed with the 闭馆 day behind them, and reminders use the
// earlier of the two 到期日 (D113).

let t: TestBot;
afterEach(async () => {
  await t.close();
});

const db = () => t.bot.deps.db.manager;
let n = 0;
async function sendCsv(text: string): Promise<string> {
  await t.say('zhao', '办件 导入');
  const mediaId = `CASES${++n}`;
  t.fake.state.media.set(mediaId, {
    buffer: Buffer.from(text),
    filename: '平台办件.csv',
    contentType: 'text/csv',
    type: 'file',
  });
  await t.post({ type: 'file', from: 'zhao', mediaId, title: '平台办件.csv' } as never);
  return t.lastTextTo('zhao');
}

async function setUp(): Promise<void> {
  t = await startTestBot({ now: '2025-03-11T08:30:00+08:00' });
  const at = new Date('2025-03-01T09:00:00+08:00');
  await insertRows(db(), ServiceItem, {
    code: 'GA-001',
    name: '户籍迁入',
    departmentCode: 'GA',
    materials: null,
    legalLimitWd: 20,
    promisedLimitWd: 5,
    instant: false,
    inZongchuang: false,
    fullyOnline: false,
    approvers: null,
    status: '在用',
    createdAt: at,
    updatedAt: at,
    updatedBy: 'test',
  });
  await t.say('zhao', '日历 设置 3月12日 闭馆 说明=停电检修');
  expect(t.lastTextTo('zhao')).toContain('设为 闭馆：停电检修');
  t.setNow('2025-03-20T10:00:00+08:00');
  await acceptCase(t, { no: 'AJ2025-00900', limitWd: 5, platformNo: 'P003', acceptedAt: '2025-03-13T10:00:00+08:00' });
}

const FILE = [
  '平台号,事项编码,申请人,受理日期,到期日,办结日期',
  'P001,GA-001,张某,2025-03-10,2025-03-17,',
  'P002,GA-001,李某,2025/3/11,2025/3/18,2025-03-14',
  'P003,GA-001,王某,2025-03-13,2025-03-20,2025-03-19',
].join('\n');

describe('CAS-02 办件 导入', () => {
  it('CAS-02 upsert by 平台号: mirrors created, mismatches named (闭馆 day, closed on one side); re-import writes nothing', async () => {
    await setUp();
    const reply = await sendCsv(FILE);
    expect(reply).toContain('✅ 办件导入完成：3行，新增或更新3行，未变0行');
    expect(reply).toContain(
      'AJ2025-00001（平台号 P001） 到期日不一致：平台 3月17日，本系统 3月18日：3月12日 闭馆（停电检修），本中心不计为工作日；提醒和超期率按较早的平台日期',
    );
    expect(reply).toContain('AJ2025-00900（平台号 P003） 平台已办结（3月19日），本系统未办结');
    // P002 is closed on both sides; its 到期日 differs for the same 闭馆 day.
    expect(reply).toContain(
      'AJ2025-00002（平台号 P002） 到期日不一致：平台 3月18日，本系统 3月19日：3月12日 闭馆（停电检修）',
    );
    expect(reply).toContain('差异 3 处');
    const mirror = await db().findOneByOrFail(ServiceCase, { platformNo: 'P002' });
    expect(mirror).toMatchObject({
      status: '已出件',
      source: '导入',
      platformClosedDate: '2025-03-14',
      closedOverdue: false,
    });
    expect((await db().findOneByOrFail(Deadline, { id: mirror.deadlineId! })).status).toBe('closed');
    const counts = async () => [
      await db().count(ServiceCase),
      await db().count(Deadline),
      await db().count(CaseEvent),
      (await db().findOneByOrFail(ServiceCase, { platformNo: 'P003' })).version,
    ];
    const before = await counts();
    const again = await sendCsv(FILE);
    expect(again).toContain('✅ 办件导入完成：3行，新增或更新0行，未变3行');
    expect(again).toContain('差异 3 处');
    expect(await counts()).toEqual(before);
  });

  it('CAS-02 a malformed file names sheet and line of each problem and writes nothing', async () => {
    await setUp();
    const before = await db().count(ServiceCase);
    const reply = await sendCsv(
      [
        '平台号,事项编码,申请人,受理日期,到期日,办结日期',
        'P010,GA-001,张某,2025-03-10,下下周,',
        ',GA-001,李某,2025-03-11,2025-03-18,',
        'P011,XX-999,王某,2025-03-11,2025-03-18,',
        'P012,GA-001,赵某,2025-03-11,2025-03-18,',
      ].join('\n'),
    );
    expect(reply).toContain('❌ 办件导入未写入任何数据');
    expect(reply).toContain('平台办件.csv 第2行：到期日：“下下周”无法识别（例：2026-03-05）');
    expect(reply).toContain('平台办件.csv 第3行：平台号');
    expect(await db().count(ServiceCase)).toBe(before);
    const db2 = await sendCsv(FILE.replace('P002,GA-001', 'P002,XX-999'));
    expect(db2).toContain('平台办件.csv 第3行：事项“XX-999”不在事项目录中');
    expect(await db().count(ServiceCase)).toBe(before);
  });

  it('CAS-18 / CAS-02 reminders use the earlier 到期日: the platform 3/17 makes P001 due today on 03-17 and overdue on 03-18', async () => {
    await setUp();
    t.setNow('2025-03-14T16:00:00+08:00');
    await sendCsv(FILE.split('\n').slice(0, 2).join('\n'));
    // The imported mirror's 首问 is the importer (赵敏); L2 also goes to the GA 首席代表; L3 to the digest.
    await t.runJob('case-reminders', '2025-03-17T09:00:00+08:00');
    expect(t.textsTo('wangwu').filter((x) => x.includes('AJ2025-00001（户籍迁入）今日到期（L2）'))).toHaveLength(1);
    await t.runJob('case-reminders', '2025-03-18T09:00:00+08:00');
    expect(
      (await t.groupTexts('G-OFFICE')).filter((x) =>
        x.includes('AJ2025-00001 GA 户籍迁入 超期1个工作日（到期 3月17日）'),
      ),
    ).toHaveLength(1);
  });
});
