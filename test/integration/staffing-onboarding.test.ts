import { readFile } from 'node:fs/promises';
import JSZip from 'jszip';
import { afterEach, describe, expect, it } from 'vitest';
import { OutboxRow } from '../../entities/outbox';
import { DeviceTask } from '../../entities/device-task';
import { Person } from '../../entities/person';
import { PersonRole } from '../../entities/person-role';
import { StaffRecord } from '../../entities/staff-record';
import { startTestBot, type TestBot } from '../helpers/bot';
import { spOf } from '../helpers/windows';

// 入岗 / 顶岗 (STF-02…06; 000 调整管理 三(一), 附件3), rulebook §19 #10 and #35.

let t: TestBot;
afterEach(async () => t?.close());

const rec = (no: string) => t.bot.deps.db.manager.findOneByOrFail(StaffRecord, { no });

describe('入岗 (STF-02, STF-03, STF-05)', () => {
  it('STF-02 §19 #10: 入岗 Mon 2025-03-17 is filed by Mon 2025-03-10; on 03-11 it is refused naming the earliest date', async () => {
    t = await startTestBot({ now: '2025-03-11T10:00:00+08:00' });
    await t.say('wangwu', '入岗 申请 张某 窗口=12 入岗=2025-03-17 人员身份=事业编制');
    expect(t.lastTextTo('wangwu')).toBe(
      '❌ 不符合规定（rule STF-02；000 调整管理 三(一)1）：入岗须至少提前5个工作日申请（2025-03-17 开始须在 2025-03-10 17:30 前提交），最早可开始日期 2025-03-18。',
    );
    expect(await t.bot.deps.db.manager.count(StaffRecord)).toBe(0);
    t.setNow('2025-03-10T17:00:00+08:00');
    await t.say('wangwu', '入岗 申请 张某 窗口=12 入岗=2025-03-17 人员身份=事业编制');
    expect(t.lastTextTo('wangwu')).toBe(
      '✅ RG2025-GA-001 已登记（张某 入岗 3/17），请在10分钟内发送岗前培训材料（审批业务、礼仪、消防安全、管理制度）照片或文件，收到即提交',
    );
    await t.say('wangwu', '入岗 申请 某某 窗口=12 入岗=2025-03-17 人员身份=临时工');
    expect(t.lastTextTo('wangwu')).toContain('人员身份“临时工”无效');
    await t.say('wangwu', '入岗 申请 某某 窗口=12');
    expect(t.lastTextTo('wangwu')).toMatch(/^缺少入岗时间。请填写进驻人员入岗审批表：https?:\/\/\S+onboarding/);
    await t.say('wangwu', '离岗 申请 李四');
    expect(t.lastTextTo('wangwu')).toMatch(/^缺少离岗时间。请填写进驻人员离岗审批表：https?:\/\/\S+offboarding/);
  });

  it('STF-03 §19 #35: no training proof → refused; the proof submits it; the 首席代表 signature re-checks the 5 WD', async () => {
    t = await startTestBot({ now: '2025-03-10T10:00:00+08:00' });
    await t.say(
      'lisi',
      '入岗 申请 张某 窗口=12 入岗=3月17日 身份证=152701199001011239 人员身份=事业编制 服务事项=户籍迁移',
    );
    t.setNow('2025-03-10T10:20:00+08:00'); // the first slot has lapsed: the refusal opens a new one
    await t.say('lisi', '入岗 提交 RG2025-GA-001');
    expect(t.lastTextTo('lisi')).toBe(
      '❌ 不符合规定（rule STF-03；000 调整管理 三(一)2）：无培训材料证明，原则上不予审核通过。请发送岗前培训材料（审批业务、礼仪、消防安全、管理制度），或写明 无材料理由=… 由中心领导审批。',
    );
    expect((await rec('RG2025-GA-001')).status).toBe('draft');
    await t.post({ type: 'image', from: 'lisi', mediaId: 'TRAINING' } as never);
    expect(t.lastTextTo('lisi')).toBe('✅ RG2025-GA-001 已提交，待首席代表 王五 签字（张某 入岗 3/17）');
    const card = t.cardsTo('wangwu').at(-1)!.card!;
    expect(JSON.stringify(card)).toContain('1527**********1239'); // D18: the 首席代表 sees the ID masked
    expect(JSON.stringify(card)).toContain('1份');
    t.setNow('2025-03-11T09:00:00+08:00'); // D171: checked again at the signature
    const sp = await spOf(t, 'RG2025-GA-001');
    await t.click('wangwu', `approve:${sp}`);
    expect(t.lastTextTo('wangwu')).toContain('rule STF-02');
    expect((await rec('RG2025-GA-001')).status).toBe('pending');
  });

  it('STF-04 STF-05: approval opens 考勤系统/评价器 tasks; 入岗 到岗 is refused naming what is open, then starts the person', async () => {
    t = await startTestBot({ now: '2025-03-10T10:00:00+08:00' });
    await t.say('wangwu', '入岗 申请 张某 窗口=12 入岗=3月17日 人员身份=事业编制 电话=13900000099');
    await t.post({ type: 'image', from: 'wangwu', mediaId: 'TRAINING' } as never);
    expect(t.lastTextTo('wangwu')).toBe('✅ RG2025-GA-001 已提交，送大厅管理室审批（张某 入岗 3/17）');
    const sp = await spOf(t, 'RG2025-GA-001');
    await t.say('zhao', '入岗 到岗 RG2025-GA-001 账号=zhangmou');
    expect(t.lastTextTo('zhao')).toMatch(/^❌ 不符合规定（rule STF-05；000 调整管理 三\(一\)4）：RG2025-GA-001 审批中/);
    await t.click('zhao', `approve:${sp}`);
    const m = t.bot.deps.db.manager;
    const tasks = await m.find(DeviceTask, { where: { subjectId: 'RG2025-GA-001' }, order: { id: 'ASC' } });
    expect(tasks.map((x) => x.item)).toEqual(['考勤系统', '评价器']);
    expect((await t.groupTexts('G-OFFICE')).at(-1)).toContain('RW2025-0001 考勤系统（12号窗 张某入岗');
    await t.say('zhao', '入岗 到岗 RG2025-GA-001 账号=zhangmou');
    expect(t.lastTextTo('zhao')).toBe(
      '❌ 不符合规定（rule STF-05；000 调整管理 三(一)4）：考勤系统信息未录入（RW2025-0001），评价器信息未录入（RW2025-0002），暂不能上岗。',
    );
    expect(await m.findOneBy(Person, { userid: 'zhangmou' })).toBeNull(); // only the staff record until then
    await t.say('qian', '任务 完成 RW2025-0001');
    expect(t.lastTextTo('qian')).toBe('✅ RW2025-0001 完成；RG2025-GA-001 还剩 1 项：RW2025-0002');
    await t.say('qian', '任务 完成 RW2025-0002');
    expect(t.lastTextTo('qian')).toBe('✅ RW2025-0002 完成；RG2025-GA-001 信息任务全部完成');
    await t.say('zhao', '入岗 到岗 RG2025-GA-001 账号=zhangmou');
    expect(t.lastTextTo('zhao')).toBe('✅ RG2025-GA-001 张某 已到岗：GA 12号窗 在岗（2025-03-10起）');
    expect(await m.findOneByOrFail(Person, { userid: 'zhangmou' })).toMatchObject({
      name: '张某',
      departmentCode: 'GA',
      windowNumber: '12',
      status: '在岗',
      phone: '13900000099',
    });
    expect(await m.findOneBy(PersonRole, { userid: 'zhangmou', role: 'staff' })).not.toBeNull();
    expect((await rec('RG2025-GA-001')).status).toBe('done');
  });

  it('STF-03 override: 无材料理由 adds a 中心领导 step after 大厅管理室', async () => {
    t = await startTestBot({ now: '2025-03-10T10:00:00+08:00' });
    await t.say('wangwu', '入岗 申请 张某 窗口=12 入岗=3月17日 无材料理由=培训证明由派驻单位补寄');
    expect(t.lastTextTo('wangwu')).toBe(
      '✅ RG2025-GA-001 已提交，送大厅管理室审批（张某 入岗 3/17；无培训材料，需中心领导审批）',
    );
    const sp = await spOf(t, 'RG2025-GA-001');
    await t.click('zhao', `approve:${sp}`);
    expect((await rec('RG2025-GA-001')).status).toBe('pending');
    await t.click('chen', `approve:${sp}`);
    expect((await rec('RG2025-GA-001')).status).toBe('approved');
  });

  it('STF-06 顶岗 登记 → DG record, 大厅管理室 told and acknowledging on a card', async () => {
    t = await startTestBot({ now: '2025-03-03T10:00:00+08:00' });
    await t.say('wangwu', '顶岗 登记 赵某 替=@lisi 从=3月4日 到=3月8日');
    expect(t.lastTextTo('wangwu')).toBe(
      '✅ DG2025-GA-001 赵某 顶 12号窗 3/4–3/8，已告知大厅管理室；请在10分钟内发送岗前培训材料。',
    );
    expect((await t.groupTexts('G-OFFICE')).at(-1)).toContain(
      '顶岗登记 DG2025-GA-001（rule STF-06）：GA 赵某 顶 12号窗 李四',
    );
    // D178: a card to 大厅管理室, acknowledged once
    expect(JSON.stringify(t.cardsTo('zhao'))).toContain('"key":"ack:DG2025-GA-001"');
    await t.click('zhao', 'ack:DG2025-GA-001');
    expect(t.lastTextTo('zhao')).toBe('✅ DG2025-GA-001 已确认知悉');
    await t.click('qian', 'ack:DG2025-GA-001');
    expect(t.lastTextTo('qian')).toContain('已处理');
  });

  it('REC-08 导出 表单 RG: 附件3 rows in order with the ID masked for a 首席代表, the two signatures, 一式两份', async () => {
    t = await startTestBot({ now: '2025-03-10T10:00:00+08:00' });
    await t.say(
      'lisi',
      '入岗 申请 张某 窗口=12 入岗=3月17日 身份证=152701199001011239 人员身份=事业编制 性别=男 服务事项=户籍迁移',
    );
    await t.post({ type: 'image', from: 'lisi', mediaId: 'TRAINING' } as never);
    const sp = await spOf(t, 'RG2025-GA-001');
    await t.click('wangwu', `approve:${sp}`);
    await t.click('zhao', `approve:${sp}`);
    await t.say('wangwu', '导出 表单 RG2025-GA-001');
    expect(t.lastTextTo('wangwu')).toBe(
      '✅ RG2025-GA-001 旗政务服务中心进驻人员入岗审批表（一式两份，含审批签字记录）文件已发送',
    );
    const row = (await t.bot.deps.db.manager.find(OutboxRow, { where: { msgType: 'file' } })).at(-1)!;
    const file = row.body.file as { path: string };
    const xml = await (await JSZip.loadAsync(await readFile(file.path))).file('word/document.xml')!.async('string');
    const cells = [...xml.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((m) =>
      m[1].replace(/<w:br\/>/g, '\n').replace(/<[^>]+>/g, ''),
    );
    expect(cells.slice(0, 4)).toEqual(['姓名', '张某', '性别', '男']);
    expect(cells).toContain('1527**********1239');
    expect(cells).not.toContain('152701199001011239');
    expect(cells.filter((c) => c === '政务服务中心审批意见')).toHaveLength(2);
    expect(cells.find((c) => c.startsWith('同意\n签字：赵敏'))).toBeDefined();
  });
});
