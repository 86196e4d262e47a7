import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AwardFlag } from '../../entities/award-flag';
import { Complaint } from '../../entities/complaint';
import { DeductionEvent } from '../../entities/deduction-event';
import { Referral } from '../../entities/referral';
import { complaintStatsForMonth } from '../../src/domain/complaints/sources';
import { findLedger } from '../../src/kernel/ledger';
import { LEDGERS } from '../../src/tables';
import { writeWorkbook } from '../../src/reports/xlsx';
import { type TestBot, startTestBot } from '../helpers/bot';
import { investigateBoth, lastCardWith, register, respondentFeed } from './complaints-helpers';
import { openForm, submitForm } from '../helpers/h5';

// Queries, 结果运用, 归档 and the 台账 (CMP-09/10/15…19, REC-01/03/07, D1, D18; docs/commands.md, §6).

let t: TestBot;
beforeEach(async () => {
  t = await startTestBot({ now: '2026-03-03T10:00:00+08:00' });
});
afterEach(async () => {
  await t.close();
});
const db = () => t.bot.deps.db.manager;

async function processed(extra = ''): Promise<string> {
  const no = await register(t, extra);
  await investigateBoth(t, no);
  await t.say('zhao', `投诉 现场协调 ${no} 结果=当场补充告知`);
  return no;
}

describe('CMP-09 / CMP-10 handling', () => {
  it('CMP-09 SOFT: 处理 without both interview records warns and proceeds only with 理由=…', async () => {
    const no = await register(t);
    await t.say('zhao', `投诉 调查 ${no} 对象=投诉人 记录=投诉人陈述`);
    await t.say('zhao', `投诉 转交 ${no} 意见=批评教育`);
    expect(t.lastTextTo('zhao')).toMatch(/^⚠️ 提醒（rule CMP-09）：.*缺被投诉人记录.*理由=…/s);
    expect(lastCardWith(t, 'wangwu', 'ack:')).toBeUndefined();
    await t.say('zhao', `投诉 转交 ${no} 意见=批评教育 理由=被投诉人外出培训，电话已核实`);
    expect(t.lastTextTo('zhao')).toMatch(/^✅ .* 已转交 GA/);
  });

  it('CMP-10 现场协调 closes on the spot: 处理完毕 now, 2 WD reply clock, no card to the department', async () => {
    const no = await processed();
    expect(t.lastTextTo('zhao')).toBe(`✅ ${no} 现场办结，请于3月5日前答复回访`);
    expect(await db().findOneByOrFail(Complaint, { no })).toMatchObject({ status: '待答复', handlingMode: '现场协调' });
    expect(lastCardWith(t, 'wangwu', 'ack:')).toBeUndefined();
  });
});

describe('CMP-15 / CMP-16 reply and re-referral', () => {
  it('CMP-15 归档 is refused until satisfaction is recorded; an anonymous 意见箱 complaint archives without it', async () => {
    const no = await processed();
    await t.say('zhao', `投诉 结果 ${no} 不实`);
    await t.say('zhao', `投诉 归档 ${no}`);
    expect(t.lastTextTo('zhao')).toMatch(/^❌ 不符合规定（rule CMP-15；000 投诉处理 三\(四\)）/);
    await t.say('zhao', '投诉 登记 对象=GA 事项=意见箱纸条：窗口人员玩手机 方式=意见箱 类别=服务态度');
    const anon = /✅ (TS\S+)/.exec(t.lastTextTo('zhao'))![1];
    await t.say('zhao', `投诉 现场协调 ${anon} 结果=已提醒 理由=匿名无法询问投诉人`);
    await t.say('zhao', `投诉 结果 ${anon} 部分属实`);
    await t.say('zhao', `投诉 归档 ${anon}`);
    expect(t.lastTextTo('zhao')).toMatch(/^✅ .* 已归档/);
  });

  it('CMP-16 不满意 needs a reason; 退回整改 starts round 2 at the same tier; 归档 waits for satisfaction', async () => {
    const no = await register(t);
    await investigateBoth(t, no);
    await t.say('zhao', `投诉 转交 ${no} 意见=批评教育`);
    await t.say('wangwu', `投诉 落实 ${no} 情况=已批评教育`);
    await t.say('zhao', `投诉 答复 ${no} 方式=电话 满意度=不满意`);
    expect(t.lastTextTo('zhao')).toContain('须记录原因');
    await t.say('zhao', `投诉 答复 ${no} 方式=电话 满意度=不满意 原因=未当面致歉`);
    await t.say('zhao', `投诉 归档 ${no}`);
    expect(t.lastTextTo('zhao')).toContain('请先退回整改');
    await t.say('zhao', `投诉 退回整改 ${no} 意见=当面致歉`);
    expect(t.lastTextTo('zhao')).toBe(`✅ ${no} 第2轮整改，期限 3月10日`);
    expect(lastCardWith(t, 'wangwu', 'ack:')!.card!.main_title).toMatchObject({ desc: '第2轮整改｜落实期限 3月10日' });
    await t.say('wangwu', `投诉 落实 ${no} 情况=已当面致歉`);
    await t.say('zhao', `投诉 答复 ${no} 方式=上门 满意度=满意`);
    await t.say('zhao', `投诉 结果 ${no} 属实`);
    await t.say('zhao', `投诉 归档 ${no}`);
    expect(await db().findOneByOrFail(Complaint, { no })).toMatchObject({
      status: '已归档',
      round: 2,
      satisfaction: '满意',
    });
  });

  it('CMP-16 OPEN #11: the re-referral deadline is a setting (0 = same tier); a set value is used', async () => {
    await t.say('zhao', '设置 修改 complaint.reReferralWorkdays 3 说明=大厅管理室确认');
    const no = await register(t);
    await investigateBoth(t, no);
    await t.say('zhao', `投诉 转交 ${no} 意见=批评教育`);
    await t.say('wangwu', `投诉 落实 ${no} 情况=已批评教育`);
    await t.say('zhao', `投诉 答复 ${no} 方式=电话 满意度=不满意 原因=未致歉`);
    await t.say('zhao', `投诉 退回整改 ${no}`);
    expect(t.lastTextTo('zhao')).toBe(`✅ ${no} 第2轮整改，期限 3月6日`);
  });
});

describe('CMP-18 / CMP-19 结果运用', () => {
  it('CMP-19 属实 → 扣分事件 for the staff member, 评优 card (cancel click), optional 纪委监委 referral', async () => {
    const no = await register(t, '人员=李四');
    await t.say('zhao', `投诉 结果 ${no} 属实 移交=纪委监委 说明=涉嫌索要好处`);
    expect(t.lastTextTo('zhao')).toContain('已登记移交 纪委监委');
    expect(await db().findOneByOrFail(DeductionEvent, { source: no })).toMatchObject({
      personUserid: 'lisi',
      departmentCode: 'GA',
      rule: 'CMP-19',
    });
    expect(await db().findOneByOrFail(Referral, { source: no })).toMatchObject({ body: '纪委监委' });
    const flag = await db().findOneByOrFail(AwardFlag, { source: no });
    await t.click('zhao', `cancel_award:${flag.id}`);
    expect((await db().findOneByOrFail(AwardFlag, { id: flag.id })).status).toBe('cancelled');
    expect(t.textsTo('wangwu').some((s) => s.includes('CMP-19'))).toBe(true); // PRF-14 notice to the 首席代表
  });

  it("CMP-18 不实 → 澄清 notice to the staff member's department, no deduction; 恶意=是 → referral record", async () => {
    const no = await register(t, '人员=李四 保密=是');
    await t.say('zhao', `投诉 结果 ${no} 属实 恶意=是`);
    expect(t.lastTextTo('zhao')).toContain('只能在认定“不实”时标注');
    await t.say('zhao', `投诉 结果 ${no} 不实 恶意=是`);
    expect(t.lastTextTo('zhao')).toContain('已登记移交 公安机关');
    expect(t.lastTextTo('wangwu')).toContain(`【澄清】${no} 对 李四 的投诉（服务态度）经核查不实`);
    expect(t.lastTextTo('lisi')).toContain('【澄清】');
    expect(await db().count(DeductionEvent, { where: { source: no } })).toBe(0);
    expect(await db().findOneByOrFail(Complaint, { no })).toMatchObject({
      outcome: '不实',
      malicious: true,
      outcomeUse: ['澄清', '移交 公安机关'],
    });
    for (const item of await respondentFeed(t)) expect(item).not.toMatch(/王某|13912345678/);
  });

  it('REC-03 a 12345 complaint is archived only with its 工单 (number or attachment)', async () => {
    const no = await processed('方式=12345');
    await t.say('zhao', `投诉 答复 ${no} 方式=电话 满意度=满意`);
    await t.say('zhao', `投诉 结果 ${no} 不实`);
    await t.say('zhao', `投诉 归档 ${no}`);
    expect(t.lastTextTo('zhao')).toMatch(/^❌ 不符合规定（rule REC-03；000 投诉处理 三\(五\)）：.*12345/);
    await t.say('zhao', `投诉 材料 ${no} 用途=工单`);
    await t.post({ type: 'file', from: 'zhao', mediaId: 'GD1', fileName: 'gd.pdf' } as never);
    await t.say('zhao', `投诉 归档 ${no}`);
    expect(t.lastTextTo('zhao')).toBe(`✅ ${no} 已归档（3份材料）`);
  });
});

describe('REC-01 / CMP-17 queries', () => {
  it('CMP-17 the 首席代表 sees own department only, complainant masked or 保密; hall_office sees it in full', async () => {
    const open = await register(t);
    const secret = await register(t, '保密=是');
    await t.say('zhao', '投诉 登记 对象=SB 事项=社保窗口排队 方式=窗口 姓名=李某 电话=13800001111 类别=服务效能');
    await t.say('wangwu', `投诉 查看 ${open}`);
    expect(t.lastTextTo('wangwu')).toContain('投诉人：王* 139****5678');
    await t.say('wangwu', `投诉 查看 ${secret}`);
    expect(t.lastTextTo('wangwu')).toContain('投诉人：保密');
    await t.say('wangwu', '投诉 查看 TS3');
    expect(t.lastTextTo('wangwu')).toContain('无权查看');
    await t.say('wangwu', '投诉 列表');
    expect(t.lastTextTo('wangwu')).toMatch(/^投诉（GA） 2 件/);
    await t.say('zhao', `投诉 查看 ${secret}`);
    expect(t.lastTextTo('zhao')).toContain('投诉人：王某 13912345678（要求保密）');
    await t.say('lisi', `投诉 查看 ${open}`);
    expect(t.lastTextTo('lisi')).toContain('没有权限');
    for (const item of await respondentFeed(t)) expect(item).not.toMatch(/王某|13912345678/);
  });

  it('D1 投诉 统计 counts by department, category, outcome and overdue; the monthly source has no identity', async () => {
    const a = await register(t);
    await register(t, '保密=是');
    await t.say('zhao', '投诉 登记 对象=SB 事项=王某反映社保窗口排队 方式=窗口 姓名=王某 类别=服务效能');
    await t.say('zhao', `投诉 结果 ${a} 属实`);
    await t.say('zhao', '投诉 统计');
    expect(t.lastTextTo('zhao')).toBe(
      [
        '2026-03 投诉 3 件',
        '部门：GA 2、SB 1',
        '类别：服务态度 2、服务效能 1',
        '结果：未定 2、属实 1',
        '超期 0 件｜不满意 0 件',
      ].join('\n'),
    );
    const stats = await complaintStatsForMonth(db(), '2026-03');
    expect(stats.map((s) => [s.departmentCode, s.registered, s.substantiated])).toEqual([
      ['GA', 2, 1],
      ['SB', 1, 0],
    ]);
    expect(JSON.stringify(stats)).not.toMatch(/王某|13912345678/);
  });
});

describe('docs/commands.md, §6: H5 form and ledgers', () => {
  it('CMP-07 the 投诉登记表 H5 form submits to 投诉 登记 with the same checks', async () => {
    await t.say('zhao', '表单 投诉登记表');
    expect(t.lastTextTo('zhao')).toMatch(/^投诉登记表：https?:\/\//);
    const link = /https:\/\/\S+/.exec(t.lastTextTo('zhao'))![0];
    const res = await submitForm(await openForm(t, link, 'zhao'), {
      方式: '窗口',
      部门: 'GA',
      窗口: '13号窗',
      事项: '材料清单与网上不一致',
      类别: '服务质量',
      姓名: '赵某',
      保密: '是',
    });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('TS2026-0001');
    expect(await db().findOneByOrFail(Complaint, { no: 'TS2026-0001' })).toMatchObject({
      departmentCode: 'GA',
      windowNumber: '13',
      confidential: true,
      channel: '窗口',
    });
    // CMP-04 through the form too: no 事项 → 无效投诉, the form comes back with the refusal
    const res2 = await submitForm(await openForm(t, link, 'zhao'), { 方式: '窗口', 部门: 'GA', 类别: '服务质量' });
    expect(res2.status).toBe(422);
    expect(await res2.text()).toContain('rule CMP-04');
  });

  it('CMP-02 投诉台账 has one sheet per 投诉方式; masked export hides 保密 complainants; 信访举报台账 separate', async () => {
    await register(t, '保密=是');
    await register(t, '方式=12345');
    await t.say('zhao', '投诉 登记 类型=信访举报 对象=BDC 事项=违规收费 方式=大厅管理室');
    const dir = mkdtempSync(join(tmpdir(), 'cmp-'));
    const ledger = findLedger(LEDGERS, '投诉台账')!;
    for (const unmasked of [true, false]) {
      const path = join(dir, `t${unmasked}.xlsx`);
      await writeWorkbook(
        path,
        ledger.name,
        await ledger.build(t.bot.deps.db, { from: '2026-01-01', to: '2026-12-31' }, { unmasked }),
      );
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(path);
      expect(wb.worksheets.map((w) => w.name)).toEqual([
        '意见箱',
        '导引台办不成事受理点',
        '投诉登记本',
        '大厅管理室',
        '窗口',
        '12345',
        '0477-7218686',
        '蒙速办',
        '鄂尔多斯政务服务网',
        '好差评',
        '导服转交',
      ]);
      const book = wb.getWorksheet('投诉登记本')!;
      expect(book.getRow(1).getCell(4).value).toBe('投诉人*');
      expect(book.getRow(2).getCell(1).value).toBe('TS2026-0001');
      expect(book.getRow(2).getCell(4).value).toBe(unmasked ? '王某' : '保密');
      expect(wb.getWorksheet('12345')!.getRow(2).getCell(5).value).toBe(unmasked ? '13912345678' : '139****5678');
      expect(wb.getWorksheet('大厅管理室')!.rowCount).toBe(1); // 信访举报 is not in the 投诉台账
    }
    await t.say('liu', '导出 投诉台账');
    expect(t.lastTextTo('liu')).toMatch(/^✅ 投诉台账 .*：2 行，文件已发送（个人信息已脱敏）/);
    await t.say('wangwu', '导出 投诉台账');
    expect(t.lastTextTo('wangwu')).toContain('只能由大厅管理室、中心领导、中心分管领导导出');
    const pet = await findLedger(LEDGERS, '信访举报台账')!.build(
      t.bot.deps.db,
      { from: '2026-01-01', to: '2026-12-31' },
      { unmasked: false },
    );
    expect(pet[0].rows).toEqual([
      {
        no: 'TS2026-0003',
        received: '2026-03-03',
        matter: '违规收费',
        due: '2026-03-24',
        replied: '',
        late: '',
        status: '信访办理',
      },
    ]);
  });
});
