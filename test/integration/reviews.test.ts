import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { BadReview } from '../../entities/bad-review';
import { Complaint } from '../../entities/complaint';
import { ComplaintIntake } from '../../entities/complaint-intake';
import { PeakPlan } from '../../entities/peak-plan';
import { Rating } from '../../entities/rating';
import { Rectification } from '../../entities/rectification';
import { badReviewLedger } from '../../src/domain/reviews/ledger';
import { startTestBot, type TestBot } from '../helpers/bot';

// 好差评 (REV-01, REV-02, REV-03, REV-06, SUS-10; D94, D95): the export imported through the chat-file importer,
// 差评 into the 差评台账 and the complaint triage once, 限期整改 with the CP's department, satisfaction by source.

let t: TestBot;
let n = 0;
let running = false;
afterEach(async () => {
  if (running) await t.close();
  running = false;
});
const start = async (now: string) => {
  t = await startTestBot({ now });
  running = true;
};

const HEAD = [
  '评价编号',
  '办件编号',
  '事项名称',
  '部门',
  '窗口号',
  '工作人员',
  '评价等级',
  '评价时间',
  '评价渠道',
  '评价内容',
];
const ROWS = [
  ['PJ001', '15062000001', '户籍迁入', 'GA', '12', '李四', '非常满意', '2026-02-03 09:12', '评价器', ''],
  ['PJ002', '15062000002', '身份证补领', '旗公安局', '13', '张三', '满意', '2026-02-03 10:40', '评价器', ''],
  ['PJ003', '15062000003', '户籍迁出', 'GA', '12', '李四', '不满意', '2026-02-04 15:05', '短信', '排队太久'],
  ['PJ004', '15062000004', '养老保险', 'SB', '5', '吴静', '基本满意', '2026-02-05 09:00', '网上', ''],
  ['PJ005', '15062000005', '医保转移', 'SB', '6', '周平', '非常不满意', '2026-02-05 11:30', '评价器', '态度差'],
];

async function xlsx(rows: string[][], head = HEAD): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('评价明细');
  ws.addRow(head);
  rows.forEach((r) => ws.addRow(r));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function importFile(bytes: Buffer, filename = '好差评.xlsx'): Promise<string> {
  await t.say('zhao', '好差评 导入');
  const mediaId = `RATINGS${++n}`;
  t.fake.state.media.set(mediaId, { buffer: bytes, filename, contentType: 'application/octet-stream', type: 'file' });
  await t.post({ type: 'file', from: 'zhao', mediaId, title: filename } as never);
  return t.lastTextTo('zhao');
}

const db = () => t.bot.deps.db.manager;

describe('REV-01 / REV-02 好差评 导入', () => {
  it('REV-01 every rating stored per case/window/staff; REV-02 each 差评 → one CP + one 待登记 intake, once across re-imports', async () => {
    await start('2026-03-02T10:00:00+08:00');
    const file = await xlsx(ROWS);
    const first = await importFile(file);
    expect(first).toContain('✅ 好差评导入完成：5行');
    expect(first).toContain('新增 5 条');
    expect(first).toContain('差评 2 条已转投诉待登记：CP2026-0001、CP2026-0002');
    const r = await db().findOneOrFail(Rating, { where: { ratingKey: 'PJ002' } });
    expect([r.departmentCode, r.windowNumber, r.staffUserid, r.caseRef]).toEqual([
      'GA',
      '13',
      'zhangsan',
      '15062000002',
    ]);
    const cp = await db().findOneOrFail(BadReview, { where: { no: 'CP2026-0001' } });
    expect([cp.departmentCode, cp.staffUserid, cp.level, cp.status]).toEqual(['GA', 'lisi', '不满意', '待整改']);
    const intakes = await db().find(ComplaintIntake, { where: { kind: '差评' } });
    expect(intakes.map((i) => i.sourceRef)).toEqual(['CP2026-0001', 'CP2026-0002']);
    expect(await db().count(Complaint)).toBe(0); // D4: a rating is triaged, not yet a complaint
    expect((await t.groupTexts('G-OFFICE')).filter((x) => x.includes('待登记') && x.includes('差评 CP'))).toHaveLength(
      2,
    );

    const again = await importFile(file);
    expect(again).toContain('新增 0 条');
    expect(again).toContain('差评 0 条');
    expect(await db().count(Rating)).toBe(5);
    expect(await db().count(BadReview)).toBe(2);
    expect(await db().count(ComplaintIntake, { where: { kind: '差评' } })).toBe(2);
  });

  it('D95 an export without 评价编号 is keyed by a hash of 办件号 + time + staff + level: a re-import writes nothing', async () => {
    await start('2026-03-02T10:00:00+08:00');
    const head = HEAD.slice(1);
    const rows = ROWS.map((r) => r.slice(1));
    expect(await importFile(await xlsx(rows, head))).toContain('新增 5 条');
    expect(await importFile(await xlsx(rows, head))).toContain('新增 0 条');
    expect(await db().count(BadReview)).toBe(2);
  });

  it('REV-01 a malformed export names sheet and line of each problem and writes nothing', async () => {
    await start('2026-03-02T10:00:00+08:00');
    const bad = [
      ROWS[0],
      ['PJ010', '', '', 'GA', '12', '李四', '一般', '2026-02-03 09:12', '', ''],
      ['PJ011', '', '', 'XX', '12', '李四', '满意', '2026-02-03 09:12', '', ''],
      ['PJ012', '', '', 'GA', '12', '李四', '满意', '2月3日', '', ''],
    ];
    const reply = await importFile(await xlsx(bad));
    expect(reply).toContain('❌ 好差评导入未写入任何数据');
    expect(reply).toContain('评价明细 第3行：评价等级：应为 非常满意/满意/基本满意/不满意/非常不满意');
    expect(reply).toContain('评价明细 第5行：评价时间：应为 2026-03-02 09:30');
    expect(await db().count(Rating)).toBe(0);
    const unknown = await importFile(await xlsx([ROWS[0], bad[2]]));
    expect(unknown).toContain('评价明细 第3行：没有部门“XX”');
    expect(await db().count(Rating)).toBe(0);
    expect(await db().count(BadReview)).toBe(0);
  });

  it('REV-01 cli import ratings: a good file exits 0, the same file again writes nothing, a bad one exits 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ratings-cli-'));
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: `sqlite:${join(dir, 'db.sqlite')}`,
      LOG_LEVEL: 'silent',
    };
    for (const k of Object.keys(env)) if (k.startsWith('WECOM_')) delete env[k];
    const cli = (...args: string[]) =>
      spawnSync('node_modules/.bin/tsx', ['src/cli.ts', ...args], { env, encoding: 'utf8' });
    expect(cli('sandbox', 'seed').status).toBe(0);
    const good = join(dir, 'ratings.csv');
    writeFileSync(good, [HEAD, ...ROWS].map((r) => r.join(',')).join('\n'));
    const once = cli('import', 'ratings', good);
    expect(once.stdout).toContain('新增 5 条');
    expect(once.status).toBe(0);
    expect(cli('import', 'ratings', good).stdout).toContain('新增 0 条');
    const bad = join(dir, 'bad.csv');
    writeFileSync(
      bad,
      [HEAD, ['PJ9', '', '', 'GA', '', '', '很好', '2026-02-01', '', '']].map((r) => r.join(',')).join('\n'),
    );
    const refused = cli('import', 'ratings', bad);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('bad.csv 第2行：评价等级');
  }, 60_000);
});

describe('REV-03 差评 整改', () => {
  it('REV-03 差评 整改 → ZG with the CP department (default 5 WD); complex ones need 长效 and 解释 together (CMP-21)', async () => {
    await start('2026-03-02T10:00:00+08:00');
    await importFile(await xlsx(ROWS));
    await t.say('zhao', '差评 整改 CP1 责任人=@王五 长效=高峰日增开窗口');
    expect(t.lastTextTo('zhao')).toContain('rule CMP-21');
    await t.say('zhao', '差评 整改 CP1 责任人=@王五 长效=高峰日增开窗口 解释=已电话致歉并说明原因');
    expect(t.lastTextTo('zhao')).toBe('✅ CP2026-0001 → ZG2026-0001，王五 3/9 前报整改方案');
    const zg = await db().findOneOrFail(Rectification, { where: { no: 'ZG2026-0001' } });
    expect([zg.source, zg.departmentCode, zg.sourceType, zg.longTerm]).toEqual([
      'CP2026-0001',
      'GA',
      'review',
      '高峰日增开窗口',
    ]);
    await t.say('zhao', '差评 查看 CP1');
    expect(t.lastTextTo('zhao')).toContain(
      '整改：ZG2026-0001（待报方案）｜长效机制：高峰日增开窗口｜解释：已电话致歉并说明原因',
    );
    const [sheet] = await badReviewLedger.build(
      t.bot.deps.db,
      { from: '2026-02-01', to: '2026-02-28' },
      { unmasked: false },
    );
    expect(sheet.rows.map((r) => [r.no, r.order, r.longTerm])).toEqual([
      ['CP2026-0001', 'ZG2026-0001', '高峰日增开窗口'],
      ['CP2026-0002', '', ''],
    ]);
  });

  it('REV-03 a 首席代表 lists only its own department; a mistyped CP number gets nearest matches', async () => {
    await start('2026-03-02T10:00:00+08:00');
    await importFile(await xlsx(ROWS));
    await t.say('huangyan', '差评 列表');
    const list = t.lastTextTo('huangyan');
    expect(list).toContain('CP2026-0002 SB 6号窗 非常不满意');
    expect(list).not.toContain('CP2026-0001');
    await t.say('zhao', '差评 查看 CP2026-0012');
    expect(t.lastTextTo('zhao')).toContain('没有 CP2026-0012。你是不是要：CP2026-0002');
  });
});

describe('REV-06 满意度 and SUS-10', () => {
  it('REV-06 satisfaction by source per department, and as monthly-batch section 六', async () => {
    await start('2026-03-02T10:00:00+08:00');
    await importFile(await xlsx(ROWS));
    await t.say('zhao', '满意度 2026-02 部门=GA');
    expect(t.lastTextTo('zhao')).toBe(
      '2月 GA 好差评 满意率 66.7%（3 条，差评 1）｜12345 回访满意 —（0）｜办不成事 回访满意 —（0）',
    );
    await t.runJob('monthly-batch', '2026-03-02T09:00:00+08:00');
    const office = (await t.groupTexts('G-OFFICE')).find((x) => x.startsWith('【月度汇总】'))!;
    expect(office).toContain('（REV-06）满意度：好差评 满意率 60.0%（5 条，差评 2）');
    expect(t.textsTo('huangyan').join('\n')).toContain('满意度：好差评 满意率 50.0%（2 条，差评 1）');
  });

  it('SUS-10 a 差评 during the department’s approved peak is linked to it and 大厅管理室 is asked for the cause', async () => {
    await start('2026-03-02T10:00:00+08:00');
    await db().insert(PeakPlan, {
      no: 'GF2026-SB-001',
      departmentCode: 'SB',
      fromDate: '2026-02-05',
      toDate: '2026-02-06',
      reasonType: '集中办理',
      reportedToParent: false,
      status: 'approved',
      createdBy: 'huangyan',
      createdAt: new Date('2026-01-20T02:00:00Z'),
    });
    await importFile(await xlsx(ROWS));
    expect((await db().findOneOrFail(BadReview, { where: { no: 'CP2026-0002' } })).peakRef).toBe('GF2026-SB-001');
    expect((await db().findOneOrFail(BadReview, { where: { no: 'CP2026-0001' } })).peakRef).toBeNull();
    const prompt = (await t.groupTexts('G-OFFICE')).filter((x) => x.includes('SUS-10'));
    expect(prompt).toEqual([expect.stringContaining('高峰 原因 GF2026-SB-001 主观=')]);
  });
});
