import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { OutboxRow } from '../../entities/outbox';
import { runExportFormCli } from '../../src/cli-export-form';
import { startTestBot, type TestBot } from '../helpers/bot';
import { formPages, readDocx } from '../helpers/form-docx';
import { MEASURES, spOf, staffOnTrip } from '../helpers/windows';
import { register } from './complaints-helpers';

// 导出 表单 (REC-08): the seed form (000 调整管理 附件2) with its approval trail, 一式两份, back in chat and by CLI.

let t: TestBot;
afterEach(async () => t?.close());

/** Filed by 张三, signed by 王五 (首席代表), 赵敏 (大厅管理室, with an opinion) and 陈主任 (有关负责人). */
async function threeApprovals(): Promise<{ no: string; sp: string }> {
  t = await startTestBot({ now: '2026-03-03T09:00:00+08:00' });
  await staffOnTrip(t, ['13'], '3月5日', '3月6日'); // the closure's WIN-03 ground (D212)
  await t.say(
    'zhangsan',
    `窗口 关闭 13号窗 从=3月5日 到=3月6日 事由=张三参加市局业务培训 证明=乌审旗人社局培训通知 ${MEASURES}`,
  );
  const sp = await spOf(t, 'GB2026-GA-001');
  t.setNow('2026-03-03T09:30:00+08:00');
  await t.click('wangwu', `approve:${sp}`);
  t.setNow('2026-03-03T10:15:00+08:00');
  await t.say('zhao', `审批 ${sp} 同意 原因=证明材料齐全`);
  t.setNow('2026-03-03T11:40:00+08:00');
  await t.click('chen', `approve:${sp}`);
  return { no: 'GB2026-GA-001', sp };
}

describe('导出 表单 (REC-08)', () => {
  it('REC-08 a closure that went through three approvals: every 附件2 row and every signed step, in two copies each marked with its keeper', async () => {
    const { no } = await threeApprovals();
    await t.say('zhao', `导出 表单 ${no.toLowerCase()}`);
    expect(t.lastTextTo('zhao')).toBe(
      `✅ ${no} 旗政务服务中心窗口临时关闭（重启）申请表（一式两份，含审批签字记录）文件已发送`,
    );
    const row = (await t.bot.deps.db.manager.find(OutboxRow, { where: { msgType: 'file' } })).at(-1)!;
    const file = row.body.file as { path: string; filename: string };
    expect(file.filename).toBe(`${no}_旗政务服务中心窗口临时关闭（重启）申请表.docx`);
    const { cells, text } = await readDocx(await readFile(file.path));

    const copy = [
      '部门（单位）名称',
      '旗公安局',
      '事由（需提供证明材料或文件）',
      '张三参加市局业务培训\n证明材料：乌审旗人社局培训通知',
      '窗口位置编号',
      '13号窗（共1个）',
      '时间段',
      '临时关闭',
      '2026年3月5日至2026年3月6日',
      '重启',
      '',
      '固定时间、季节重启',
      '',
      '保障措施（包括联络人及联络电话、业务咨询人员及咨询电话、宣传告知、业务高峰应对措施等情况）',
      '联络人：王五　联络电话：13900000012\n业务咨询人员：李四　咨询电话：0477-1234567\n宣传告知：公众号已发布\n业务高峰应对措施：同类窗口延时服务',
      '申请部门（单位）意见（分管领导或首席代表签字）',
      '同意\n签字：王五　2026年3月3日 09:30',
      '旗政务服务中心大厅管理室意见',
      '同意\n签字：赵敏　2026年3月3日 10:15\n意见：证明材料齐全',
      '旗政务服务中心有关负责人签字',
      '同意\n签字：陈主任　2026年3月3日 11:40',
    ];
    expect(cells).toEqual([...copy, ...copy]);
    const first = text.indexOf('第一联　进驻部门（单位）存档');
    const second = text.indexOf('第二联　旗政务服务中心大厅管理室存档');
    expect(first).toBeGreaterThanOrEqual(0);
    expect(second).toBeGreaterThan(first);
    expect(text.split('旗政务服务中心窗口临时关闭（重启）申请表').length - 1).toBe(2);
    expect(text.split(`编号：${no}`).length - 1).toBe(2);
    expect(text).toContain('注：此表一式两份，进驻部门（单位）、旗政务服务中心大厅管理室各存档一份。');
    expect(text).not.toMatch(/rule|REC-|WIN-|SP20|approve|pending/); // D41: no rule IDs or system words
    expect(await formPages(t, no)).toBe(1); // D219: the seed's 附件2 is one page
  });

  it('REC-08 npm run cli -- export-form writes the same form; a record without a form names the ones that have one', async () => {
    const { no } = await threeApprovals();
    const out = join(await mkdtemp(join(tmpdir(), 'form-')), 'gb.docx');
    expect(await runExportFormCli([no, '--out', out], t.bot.deps)).toBe(0);
    const { cells } = await readDocx(await readFile(out));
    expect(cells).toContain('同意\n签字：陈主任　2026年3月3日 11:40');
    await t.say('zhao', '巡查 开始 类型=日常 区域=前台 楼层=1');
    await t.say('zhao', '巡查 发现 窗口=12 项=3 说明=空岗');
    await t.say('zhao', '导出 表单 WT1');
    expect(t.lastTextTo('zhao')).toMatch(
      /^WT2026-0001（巡查发现）没有可打印的表单。可导出表单的记录：督通（通报）、TS（投诉）、XC（巡查记录）、GB（窗口临时关闭）、BG（窗口变更）、TB（停办备案）、GF（业务高峰预案）/,
    );
  });

  it('REC-08 投诉登记表: every registered field for 大厅管理室; the respondent’s 首席代表 gets the complainant masked (D18)', async () => {
    t = await startTestBot({ now: '2026-03-03T10:00:00+08:00' });
    const no = await register(t, '地址=乌审旗嘎鲁图镇某街1号 原因=系统卡顿 要求=当面道歉');
    const lastFile = async () => {
      const row = (
        await t.bot.deps.db.manager.find(OutboxRow, { where: { msgType: 'file' }, order: { id: 'ASC' } })
      ).at(-1)!;
      return readDocx(await readFile((row.body.file as { path: string }).path));
    };
    await t.say('zhao', `导出 表单 ${no}`);
    const office = await lastFile();
    const field = (cells: string[], label: string) => cells[cells.indexOf(label) + 1];
    expect(field(office.cells, '投诉时间')).toBe('2026年3月3日 10:00');
    expect(field(office.cells, '投诉方式')).toBe('投诉登记本');
    expect(field(office.cells, '投诉人')).toBe('王某');
    expect(field(office.cells, '联系电话')).toBe('13912345678');
    expect(field(office.cells, '通讯地址')).toBe('乌审旗嘎鲁图镇某街1号');
    expect(field(office.cells, '被投诉对象')).toBe('GA 12号窗');
    expect(field(office.cells, '投诉事项')).toBe('办理户籍迁入时态度生硬');
    expect(field(office.cells, '原因')).toBe('系统卡顿');
    expect(field(office.cells, '解决要求')).toBe('当面道歉');
    expect(field(office.cells, '类别')).toBe('服务态度');
    expect(office.text).toContain('旗政务服务中心大厅管理室存档');

    await t.say('wangwu', `导出 表单 ${no}`);
    const chief = await lastFile();
    expect(field(chief.cells, '投诉人')).toBe('王*');
    expect(field(chief.cells, '联系电话')).toBe('139****5678');
    expect(chief.text).not.toContain('13912345678');
    expect(chief.text).not.toContain('某街1号');
  });
});
