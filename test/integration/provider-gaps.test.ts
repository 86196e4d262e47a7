import { afterEach, describe, expect, it } from 'vitest';
import { AuditLog } from '../../entities/audit-log';
import { PeakPlan } from '../../entities/peak-plan';
import { ProviderScore } from '../../entities/provider-score';
import { SettingRow } from '../../entities/setting';
import { Suspension } from '../../entities/suspension';
import { intakeFromReview } from '../../src/domain/complaints/intake';
import { systemActor } from '../../src/kernel/ctx';
import { makeCtx } from '../../src/kernel/make-ctx';
import { startTestBot, type TestBot } from '../helpers/bot';
import { lastLinkTo, openForm, submitForm } from '../helpers/h5';

// The 综窗考核细则 H5 form (PRF-09, OPEN #52; D202), SUS-10 for complaints (D200, D201) and the 考核小组's
// weekly-check reminder in weekly-friday-checks (PRF-02, D203).

let t: TestBot;
afterEach(async () => t.close());
const db = () => t.bot.deps.db.manager;
const at = (date: string, hhmm: string) => `${date}T${hhmm}:00+08:00`;

const ITEMS = { 服务规范: '18.5', 受理质量: '22', 办理时效: '17', 群众满意度: '19', 制度执行: '12' };
const itemFields = (scores: Record<string, string>) =>
  Object.fromEntries(Object.entries(scores).map(([k, v]) => [`细则·${k}`, v]));

describe('PRF-09 综窗考核细则 form (provider-score)', () => {
  it('PRF-09 the form lists the configured items; submitting through the H5 route enters the month with the sum', async () => {
    t = await startTestBot({ now: at('2026-03-02', '10:00') });
    await t.say('zhao', '表单 综窗考核细则');
    const form = await openForm(t, lastLinkTo(t, 'zhao'), 'zhao');
    expect(form.url).toContain('/h5/forms/provider-score');
    expect(form.html).toContain('受理质量（满分 25）');
    expect(form.html).toContain('合计即当月考核分数（满分 100）');
    expect(form.html).toContain('name="细则·制度执行"');
    expect(form.html).toContain('inputmode="decimal"');
    const res = await submitForm(form, { 月份: '2026-02', ...itemFields(ITEMS) });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('✅ 2月 88.5分 基本达标');
    await t.settle();
    expect(t.lastTextTo('zhao')).toContain('✅ 2月 88.5分 基本达标');
    expect(await db().findOneOrFail(ProviderScore, { where: { month: '2026-02' } })).toMatchObject({
      scoreTenths: 885,
    });
  });

  it('PRF-09 an item above its maximum is refused on the form with the rule; nothing is stored', async () => {
    t = await startTestBot({ now: at('2026-03-02', '10:00') });
    await t.say('zhao', '表单 考核细则');
    const form = await openForm(t, lastLinkTo(t, 'zhao'), 'zhao');
    const res = await submitForm(form, { 月份: '2026-02', ...itemFields({ ...ITEMS, 服务规范: '20.5' }) });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('服务规范 超过满分 20');
    expect(html).toContain('PRF-09');
    expect(await db().count(ProviderScore)).toBe(0);
  });

  it('PRF-09 `考核 录入 <月份>` without scores answers with the form, the month filled in', async () => {
    t = await startTestBot({ now: at('2026-03-02', '10:00') });
    await t.say('zhao', '考核 录入 2026-02');
    expect(t.lastTextTo('zhao')).toContain('请给出 分数=<0-100> 或 细则=项目:分,…');
    const form = await openForm(t, lastLinkTo(t, 'zhao'), 'zhao');
    expect(form.url).toContain('/h5/forms/provider-score');
    expect(form.values).toMatchObject({ 月份: '2026-02' });
    expect(await db().count(ProviderScore)).toBe(0);
  });

  it('PRF-09 an admin’s change of the checklist shows on the next form', async () => {
    t = await startTestBot({ now: at('2026-03-02', '10:00') });
    // (the chat parser takes `"` as quoting, so a list of objects is stored as the settings command stores it)
    const value = [
      { item: '服务', max: 60 },
      { item: '质量', max: 40 },
    ];
    await db().save(SettingRow, { name: 'provider.checklist', value, updatedBy: 'magong', updatedAt: new Date() });
    await t.say('zhao', '表单 综窗考核细则');
    const form = await openForm(t, lastLinkTo(t, 'zhao'), 'zhao');
    expect(form.html).toContain('服务（满分 60）');
    expect(form.html).not.toContain('受理质量');
    const res = await submitForm(form, { 月份: '2026-02', '细则·服务': '55', '细则·质量': '36.5' });
    expect(await res.text()).toContain('✅ 2月 91.5分 优秀');
  });
});

describe('SUS-10 a complaint during an approved peak', () => {
  const peak = () =>
    db().insert(PeakPlan, {
      no: 'GF2026-GA-001',
      departmentCode: 'GA',
      fromDate: '2026-03-02',
      toDate: '2026-03-04',
      reasonType: '集中办理',
      reportedToParent: false,
      status: 'approved',
      createdBy: 'huangyan',
      createdAt: new Date('2026-02-20T02:00:00Z'),
    });

  it('SUS-10 a complaint against GA on a peak day is linked to its GF and G-OFFICE is asked for the cause, once', async () => {
    t = await startTestBot({ now: at('2026-03-03', '10:00') });
    await peak();
    await t.say('zhao', '投诉 登记 对象=GA 事项=排队太久 方式=窗口 类别=服务效能');
    expect(t.lastTextTo('zhao')).toContain('✅ TS2026-0001 已登记');
    const link = await db().findOneOrFail(AuditLog, { where: { action: 'complaint.peak-link' } });
    expect(link).toMatchObject({ subjectId: 'TS2026-0001', detail: { peakRef: 'GF2026-GA-001', date: '2026-03-03' } });
    const prompts = (await t.groupTexts('G-OFFICE')).filter((x) => x.includes('SUS-10'));
    expect(prompts).toEqual([expect.stringContaining('投诉 TS2026-0001')]);
    expect(prompts[0]).toContain('高峰 原因 GF2026-GA-001 主观=');
  });

  it('SUS-10 a complaint on a day of an approved 暂停办理 is linked to its TB; a withdrawn one is not', async () => {
    t = await startTestBot({ now: at('2026-03-03', '10:00') });
    const tb = (no: string, departmentCode: string, status: 'approved' | 'withdrawn') => ({
      no,
      departmentCode,
      windows: ['12'],
      fromDate: '2026-03-02',
      toDate: '2026-03-06',
      reason: '系统升级',
      docNo: null,
      consultants: null,
      contactName: null,
      contactPhone: null,
      workPlan: null,
      remark: null,
      status,
      approvalNo: null,
      filedAt: null,
      publicityAt: null,
      publicityNote: null,
      notifiedAt: null,
      causeClass: null,
      causeNote: null,
      createdBy: 'huangyan',
      createdAt: new Date('2026-02-20T02:00:00Z'),
    });
    await db().insert(Suspension, [tb('TB2026-GA-001', 'GA', 'approved'), tb('TB2026-SB-001', 'SB', 'withdrawn')]);
    await t.say('zhao', '投诉 登记 对象=GA 事项=无法办理 方式=窗口 类别=服务效能');
    await t.say('zhao', '投诉 登记 对象=SB 事项=无法办理 方式=窗口 类别=服务效能');
    const links = await db().find(AuditLog, { where: { action: 'complaint.peak-link' } });
    expect(links.map((l) => [l.subjectId, l.detail?.peakRef])).toEqual([['TS2026-0001', 'TB2026-GA-001']]);
    const prompts = (await t.groupTexts('G-OFFICE')).filter((x) => x.includes('SUS-10'));
    expect(prompts).toEqual([expect.stringContaining('高峰 原因 TB2026-GA-001 主观=')]);
  });

  it('SUS-10 D201 a complaint registered from a 差评 intake is linked but G-OFFICE is not asked a second time', async () => {
    t = await startTestBot({ now: at('2026-03-03', '10:00') });
    await peak();
    const id = await t.bot.deps.db.tx((m) =>
      intakeFromReview(makeCtx(t.bot.deps, m, t.clock.now(), systemActor('job:test'), 'test'), {
        reviewNo: 'CP2026-0011',
        content: '非常不满意：等了一个小时',
        target: 'GA 12号窗',
      }),
    );
    await t.settle();
    await t.say('zhao', `投诉 登记 来源=#${id} 对象=GA 事项=等候时间过长 类别=服务效能`);
    expect(t.lastTextTo('zhao')).toContain('✅ TS2026-0001 已登记');
    const link = await db().findOneOrFail(AuditLog, { where: { action: 'complaint.peak-link' } });
    expect(link.detail).toMatchObject({ peakRef: 'GF2026-GA-001' });
    expect((await t.groupTexts('G-OFFICE')).filter((x) => x.includes('投诉 TS2026-0001'))).toHaveLength(0);
  });

  it('SUS-10 another department, or a day outside the peak, is not linked', async () => {
    t = await startTestBot({ now: at('2026-03-05', '10:00') });
    await peak();
    await t.say('zhao', '投诉 登记 对象=GA 事项=排队太久 方式=窗口 类别=服务效能'); // 03-05: after the peak
    await t.say('zhao', '投诉 登记 对象=SB 事项=排队太久 方式=窗口 类别=服务效能 时间=2026-03-03');
    expect(t.lastTextTo('zhao')).toContain('✅ TS2026-0002 已登记');
    expect(await db().count(AuditLog, { where: { action: 'complaint.peak-link' } })).toBe(0);
    expect((await t.groupTexts('G-OFFICE')).filter((x) => x.includes('SUS-10'))).toHaveLength(0);
  });
});

describe('PRF-02 weekly check reminder (weekly-friday-checks)', () => {
  it('PRF-02 no 考核 周检 this ISO week → the 考核小组 is reminded on Friday 15:00, once', async () => {
    t = await startTestBot({ now: at('2026-03-06', '15:00') });
    await t.runJob('weekly-friday-checks', at('2026-03-06', '15:00'));
    await t.runJob('weekly-friday-checks', at('2026-03-06', '15:00'), { force: true });
    const reminders = t.textsTo('zhao').filter((x) => x.includes('周检查'));
    expect(reminders).toEqual([expect.stringContaining('本周（第10周）尚未记录对综窗服务商的周检查（PRF-02）')]);
  });

  it('PRF-02 a 周检 recorded this week silences the reminder; last week’s does not count', async () => {
    t = await startTestBot({ now: at('2026-03-02', '10:00') });
    await t.say('zhao', '考核 周检 说明=抽查10件');
    expect(t.lastTextTo('zhao')).toBe('✅ 第10周检查已记录');
    await t.runJob('weekly-friday-checks', at('2026-03-06', '15:00'));
    expect(t.textsTo('zhao').filter((x) => x.includes('尚未记录'))).toHaveLength(0);
    await t.runJob('weekly-friday-checks', at('2026-03-13', '15:00'));
    expect(t.textsTo('zhao').filter((x) => x.includes('尚未记录'))).toEqual([expect.stringContaining('第11周')]);
  });
});
