import { afterEach, describe, expect, it } from 'vitest';
import { HelpdeskProject } from '../../entities/helpdesk-project';
import { helpdeskForm } from '../../src/domain/consult/records';
import { systemActor } from '../../src/kernel/ctx';
import { makeCtx } from '../../src/kernel/make-ctx';
import { type TestBot, startTestBot } from '../helpers/bot';

// 帮您办 (CAS-21; 002 运行规范 第二十七、二十八条): eligibility, steps in order, the signed papers, 终止单.

let t: TestBot;
afterEach(async () => {
  await t.close();
});

const db = () => t.bot.deps.db.manager;
const project = (no: string) => db().findOneOrFail(HelpdeskProject, { where: { no } });
const photo = (from: string, mediaId: string) => t.post({ type: 'image', from, mediaId } as never);

describe('CAS-21 帮您办', () => {
  it('CAS-21 a category outside 第二十七条 is refused (HARD), nothing stored', async () => {
    t = await startTestBot({ now: '2026-03-02T10:00:00+08:00' });
    await t.say('tangning', '帮您办 申请 项目=个人住房装修 类别=个人');
    expect(t.lastTextTo('tangning')).toContain('❌ 不符合规定（rule CAS-21；002 运行规范 第二十七条）');
    await t.say('tangning', '帮您办 申请 项目=个人住房装修');
    expect(t.lastTextTo('tangning')).toContain('缺少参数“类别”');
    expect(await db().count(HelpdeskProject)).toBe(0);
  });

  it('CAS-21 steps in order; 方案 needs the 授权委托书 and 承诺书 on file; all seven complete the project; form prints', async () => {
    t = await startTestBot({ now: '2026-03-02T10:00:00+08:00' });
    await t.say('tangning', '帮您办 申请 项目=年产10万吨甲醇技改 类别=重点投资 申请人=某能源公司');
    expect(t.lastTextTo('tangning')).toBe(
      '✅ BB2026-001 已登记（重点投资，无偿代办），请指定专人：帮您办 进度 BB1 专人 专人=@…',
    );
    await t.say('tangning', '帮您办 进度 BB1 核实');
    expect(t.lastTextTo('tangning')).toContain('须按顺序办理，下一步是 专人（指定专人）');
    await t.say('tangning', '帮您办 进度 BB1 专人');
    expect(t.lastTextTo('tangning')).toContain('请写明专人');
    await t.say('tangning', '帮您办 进度 BB1 专人 专人=@冯雪');
    expect(t.lastTextTo('tangning')).toBe('✅ BB1 已完成 专人（3月2日）：冯雪\n下一步：核实情况');
    await t.say('tangning', '帮您办 进度 BB1 核实 说明=立项、用地手续齐全');
    await t.say('tangning', '帮您办 进度 BB1 委托');
    expect(t.lastTextTo('tangning')).toContain('请在10分钟内发送已签订的授权委托书和承诺书照片（两份）');
    await photo('tangning', 'WEITUO');
    await t.say('tangning', '帮您办 进度 BB1 方案');
    expect(t.lastTextTo('tangning')).toContain('须签订授权委托书和承诺书，已收到 1 份');
    await photo('tangning', 'CHENGNUO');
    await t.say('tangning', '帮您办 进度 BB1 方案 说明=分三批申报');
    expect(t.lastTextTo('tangning')).toContain('✅ BB1 已完成 方案');
    for (const step of ['反馈', '归档']) await t.say('tangning', `帮您办 进度 BB1 ${step}`);
    await t.say('tangning', '帮您办 进度 BB1 回访 说明=满意');
    expect(t.lastTextTo('tangning')).toContain('帮您办服务全部完成。');
    expect(await project('BB2026-001')).toMatchObject({ status: '已完成', assignee: 'fengxue' });
    await t.say('tangning', '帮您办 进度 BB1 回访');
    expect(t.lastTextTo('tangning')).toContain('BB2026-001 已完成，不再记录进度');
    await t.say('tangning', '帮您办 查看 BB1');
    expect(t.lastTextTo('tangning')).toContain('授权委托书、承诺书：已收到 2 份');

    const p = await project('BB2026-001');
    const ctx = makeCtx(t.bot.deps, db(), t.clock.now(), { ...systemActor('zhao'), roles: ['hall_office'] }, 'test');
    const rows = await helpdeskForm.rows(ctx, { no: p.no, departmentCode: null, status: p.status, row: p as never });
    const v = Object.fromEntries(rows.map((r) => [r.label, r.value]));
    expect(v['类别']).toBe('重点投资：旗（区）级及以上人民政府确定的重点投资建设项目');
    expect(v['专人']).toBe('冯雪');
    expect(v['制定代办方案及申报计划']).toBe('2026-03-02 10:00 唐宁\u3000分三批申报');
    expect(v['授权委托书 · 承诺书']).toBe('已存档 2 份');
    await t.say('zhao', '导出 表单 BB1');
    expect(t.lastTextTo('zhao')).toContain('✅ BB2026-001');
  });

  it('CAS-21 终止 needs a reason, then asks for the 《终止单》; a terminated project takes no more steps', async () => {
    t = await startTestBot({ now: '2026-03-02T10:00:00+08:00' });
    await t.say('zhao', '帮您办 申请 项目=光伏制氢示范 类别=科技创新');
    await t.say('tangning', '帮您办 列表');
    expect(t.lastTextTo('tangning')).toBe('在办帮您办项目：\nBB1 光伏制氢示范｜科技创新｜待指定专人｜下一步 专人');
    await t.say('tangning', '帮您办 终止 BB1');
    expect(t.lastTextTo('tangning')).toContain('缺少参数“原因”');
    await t.say('tangning', '帮您办 终止 BB1 原因=项目单位自行办理');
    expect(t.lastTextTo('tangning')).toBe(
      '✅ BB1 已终止代办帮办。请在10分钟内发送双方签订的《终止单》照片（rule CAS-21）。',
    );
    await t.say('tangning', '帮您办 查看 BB1');
    expect(t.lastTextTo('tangning')).toContain('《终止单》未收到');
    await photo('tangning', 'ZHONGZHI');
    await t.say('tangning', '帮您办 查看 BB1');
    expect(t.lastTextTo('tangning')).toContain('终止：项目单位自行办理｜《终止单》已存档');
    await t.say('tangning', '帮您办 进度 BB1 专人 专人=@冯雪');
    expect(t.lastTextTo('tangning')).toContain('BB2026-001 已终止，不再记录进度');
    await t.say('tangning', '帮您办 列表');
    expect(t.lastTextTo('tangning')).toBe('在办帮您办项目：\n（无在办项目）');
  });
});
