import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MailItem } from '../../entities/mail-item';
import { lastLinkTo, openForm, submitForm } from '../helpers/h5';
import { type TestBot, startTestBot } from '../helpers/bot';
import { importItems, ITEM_HEADER, ITEM_ROWS, mirrorCase } from './items-mail-helpers';

// The 事项 and 政务专递 records outside chat commands: monthly-batch section 六 (D92; ITM-07/09), the 邮寄台账
// export (REC-04, REC-07), 记录 更正 (REC-09, REC-06), the H5 form 邮寄台账 条目 (OPEN #50) and the CLI import.

let t: TestBot;
beforeEach(async () => {
  t = await startTestBot({ now: '2026-03-02T10:00:00+08:00' });
});
afterEach(async () => {
  await t.close();
});

const db = () => t.bot.deps.db.manager;

describe('monthly-batch (ITM-07, ITM-09; D92)', () => {
  it('ITM-09 section 六 carries stale 要点 and dormant items, and each 首席代表 gets the own department’s', async () => {
    t.setNow('2025-08-01T10:00:00+08:00');
    await importItems(t, [ITEM_HEADER, ...ITEM_ROWS]);
    await t.runJob('monthly-batch', '2026-03-02T09:00:00+08:00');
    const office = (await t.groupTexts('G-OFFICE')).find((x) => x.includes('六、其他月度指标'))!;
    expect(office).toContain('（ITM-07/ITM-09）事项要点/休眠：要点过期 0｜休眠事项 3｜网办率 67%（目标85%）');
    const chief = t.textsTo('wangwu').find((x) => x.includes('本部门情况'))!;
    expect(chief).toContain('事项要点/休眠：要点过期 0｜休眠事项 2：户籍迁入、居民身份证换领');
    const sb = t.textsTo('huangyan').find((x) => x.includes('本部门情况'))!;
    expect(sb).toContain('休眠事项 1：社保卡挂失');
  });
});

describe('邮寄台账 and corrections (MAIL-01…07, REC-04, REC-06, REC-07, REC-09)', () => {
  it('REC-07 邮寄台账 export masks the recipient for a 首席代表 and shows own-department rows only', async () => {
    await mirrorCase(t, 'AJ2026-01234', { finished: true });
    await mirrorCase(t, 'AJ2026-00501', { window: '5' });
    await t.say('lisi', '专递 寄出 AJ2026-01234 联系人=张三丰 电话=13912345678 地址=乌审旗嘎鲁图镇某街1号');
    await t.say('xiaogao', '专递 寄入 AJ2026-00501 单号=1188000000201');
    await t.say('wangwu', '导出 邮寄台账 从=2026-03-01 到=今天');
    expect(t.lastTextTo('wangwu')).toBe('✅ 邮寄台账 2026-03-01至2026-03-02 GA：1 行，文件已发送（个人信息已脱敏）');
    const file = t.dms('wangwu').find((i) => i.msgtype === 'file')!;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(t.fake.state.media.get(file.file!.media_id)!.buffer as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('邮寄台账')!;
    expect(ws.rowCount).toBe(2);
    // D226: 日期 is an Excel date (the Beijing day in its UTC fields).
    const cell = (v: unknown) => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v));
    const row = (ws.getRow(2).values as unknown[]).map(cell).join('|');
    expect(row).toContain('YJ2026-0001|2026-03-02|结果寄出|AJ2026-01234');
    expect(row).not.toContain('13912345678');
    expect(row).not.toContain('张三丰');
  });

  it('REC-09 a mistyped EMS number is corrected with a reason; REC-06 a spot-checked entry is evidence', async () => {
    await mirrorCase(t, 'AJ2026-01234');
    await t.say('xiaogao', '专递 寄入 AJ2026-01234 单号=1188000000001');
    await t.say('zhao', '记录 更正 YJ1 单号=1188000000010 原因=单号录错');
    expect(t.lastTextTo('zhao')).toContain('✅');
    expect((await db().findOneOrFail(MailItem, { where: { no: 'YJ2026-0001' } })).emsNo).toBe('1188000000010');
    await t.say('zhao', '专递 判定 YJ1 合规 说明=与办件一致');
    await t.say('zhao', '记录 更正 YJ1 单号=1188000000011 原因=再改');
    expect(t.lastTextTo('zhao')).toContain('已抽查判定为合规');
    expect((await db().findOneOrFail(MailItem, { where: { no: 'YJ2026-0001' } })).emsNo).toBe('1188000000010');
  });

  it('OPEN #50 the H5 form 邮寄台账 条目 submits to 专递 寄出 with the same MAIL-02 check', async () => {
    await mirrorCase(t, 'AJ2026-01234');
    await t.say('lisi', '表单 邮寄台账 条目');
    const form = await openForm(t, lastLinkTo(t, 'lisi'), 'lisi');
    expect(form.url).toContain('/h5/forms/mail');
    const bad = await submitForm(form, { 办件: 'SW2026-0001', 联系人: '张三', 电话: '13900000000', 地址: '某地' });
    expect(await bad.text()).toContain('rule MAIL-08');
    expect(await db().count(MailItem)).toBe(0);
    const again = await openForm(t, lastLinkTo(t, 'lisi'), 'lisi');
    await submitForm(again, { 办件: 'AJ2026-01234', 联系人: '张三', 电话: '13900000000', 地址: '乌审旗某街1号' });
    await t.settle();
    expect(await db().count(MailItem, { where: { direction: '寄出', caseNo: 'AJ2026-01234' } })).toBe(1);
  });
});

describe('事项调整申请 (ITM-02, ITM-03)', () => {
  it('ITM-03 the H5 form 事项调整申请 submits to 事项 调整 with the same 审批人员 check', async () => {
    await t.say('wangwu', '表单 事项调整申请');
    const form = await openForm(t, lastLinkTo(t, 'wangwu'), 'wangwu');
    expect(form.url).toContain('/h5/forms/item-change');
    const fields = { 类型: '新增', 事项: '居住证办理', 原因: '1', 生效: '2026-03-02' };
    expect(await (await submitForm(form, fields)).text()).toContain('rule ITM-03');
    const again = await openForm(t, lastLinkTo(t, 'wangwu'), 'wangwu');
    await submitForm(again, { ...fields, 审批人员: '李四' });
    await t.settle();
    expect(t.textsTo('wangwu').join('\n')).toContain('✅ SX2026-0001 已提交中心初审');
  });

  it('ITM-02 事项调整台账 lists the request with its reason code, 初审 and list-update date', async () => {
    await t.say('wangwu', '事项 调整 新增 事项=居住证办理 原因=2 生效=2026-02-02 审批人员=@李四 说明=原盟级事项下放');
    await t.say('zhao', '导出 事项调整台账 从=2026-03-01 到=今天');
    const file = t.dms('zhao').find((i) => i.msgtype === 'file')!;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(t.fake.state.media.get(file.file!.media_id)!.buffer as unknown as ArrayBuffer);
    // D226: dates are Excel dates (the Beijing day in their UTC fields); 逾期提交 is a column of its own.
    const cell = (v: unknown) => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v));
    const row = (wb.getWorksheet('事项调整台账')!.getRow(2).values as unknown[]).map(cell).join('|');
    expect(row).toContain('SX2026-0001|GA|居住证办理|新增|2 下放管理层级');
    expect(row).toContain('原盟级事项下放|2026-02-02|李四|2026-03-02|是|初审中');
  });
});

describe('CLI import (ITM-01, D94)', () => {
  it('ITM-01 `import items` refuses a file with a 涉密 row and writes nothing (exit 1)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'items-cli-'));
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: `sqlite:${join(dir, 'db.sqlite')}`,
      LOG_LEVEL: 'silent',
    };
    for (const k of Object.keys(env)) if (k.startsWith('WECOM_')) delete env[k];
    const file = join(dir, '事项.csv');
    writeFileSync(file, `${ITEM_HEADER}\n1500-0009,某涉密审批,GA,20,10,否,否,否,是,,,\n`);
    const r = spawnSync('node_modules/.bin/tsx', ['src/cli.ts', 'import', 'items', file], { env, encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('❌ 事项导入未写入任何数据');
    expect(r.stderr).toContain('事项.csv 第2行：❌ 不符合规定（rule ITM-01；000 事项动态 第一条）');
  });
});
