import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Approval } from '../../entities/approval';
import { AuditLog } from '../../entities/audit-log';
import { systemActor } from '../../src/kernel/ctx';
import { loadActor } from '../../src/kernel/directory';
import { makeCtx } from '../../src/kernel/make-ctx';
import { roleStep } from '../../src/approvals/approvers';
import { startApproval } from '../../src/approvals/engine';
import { TABLES } from '../../src/tables';
import type { ApprovalKind } from '../../src/kernel/approval-kind';
import { startTestBot, type TestBot } from '../helpers/bot';

// a three-step chain (首席代表签字 → 大厅管理室 → 有关负责人) driven end to end through signed,
// encrypted template_card_event callbacks, with card updates and notifications asserted on the fake WeCom.

const outcomes: string[] = [];
const testKind: ApprovalKind = {
  kind: 'test-three-step',
  steps: async (ctx) => [
    await roleStep(ctx.m, '大厅管理室审核', 'hall_office'),
    await roleStep(ctx.m, '有关负责人签字', 'leader', '有关负责人'),
  ],
  card: async (_ctx, a) => ({
    subTitle: String(a.payload.summary ?? ''),
    fields: [{ key: '事由', value: String(a.payload.summary ?? '') }],
  }),
  onApproved: async (ctx, a) => {
    outcomes.push(`approved:${a.subjectId}`);
    await ctx.audit('test.approved', 'test', a.subjectId);
  },
  onRejected: async (_ctx, a, reason) => void outcomes.push(`rejected:${a.subjectId}:${reason}`),
  onWithdrawn: async (_ctx, a) => void outcomes.push(`withdrawn:${a.subjectId}`),
  finalGroup: (a) => `G-DEPT-${a.departmentCode}`,
};

describe('approval engine', () => {
  let t: TestBot;
  beforeAll(async () => {
    t = await startTestBot({
      now: '2026-03-03T09:00:00+08:00',
      tables: { ...TABLES, approvalKinds: [...TABLES.approvalKinds, testKind] },
    });
  });
  afterAll(async () => {
    await t.close();
  });
  beforeEach(() => {
    outcomes.length = 0;
  });

  /** A staff member (李四, GA) drafts a department request: it starts with the 首席代表's card. */
  async function draft(subject: string, by = 'lisi'): Promise<string> {
    return t.bot.deps.db
      .tx(async (m) => {
        const actor = (await loadActor(m, by))!;
        const ctx = makeCtx(t.bot.deps, m, t.clock.now(), actor, `test:${subject}`);
        const a = await startApproval(ctx, {
          kind: 'test-three-step',
          subjectType: 'test',
          subjectId: subject,
          title: `测试申请 ${subject}`,
          departmentCode: 'GA',
          payload: { summary: '业务培训' },
          chiefSignsFirst: true,
        });
        return a.no;
      })
      .then(async (no) => {
        await t.settle();
        return no;
      });
  }
  const status = async (no: string) => (await t.bot.deps.db.manager.findOneOrFail(Approval, { where: { no } })).status;

  it('DIR-04 three steps approved by clicks; every card greyed; requester and group told', async () => {
    const no = await draft('T1');
    expect(t.cardsTo('wangwu').at(-1)!.card!.main_title).toMatchObject({ title: '测试申请 T1' });
    await t.click('wangwu', `approve:${no}`);
    expect(t.lastTextTo('wangwu')).toContain(`${no} 已同意，送大厅管理室审核`);
    // any hall_office member may decide: both got the card, the first click wins
    expect(t.cardsTo('qian').some((c) => c.card!.button_list)).toBe(true);
    await t.click('zhao', `approve:${no}`);
    await t.click('chen', `approve:${no}`);
    expect(await status(no)).toBe('approved');
    expect(outcomes).toEqual(['approved:T1']);
    const greyed = t.fake.state.feedLog.all().filter((i) => i.cardState?.replaceName);
    expect(greyed.length).toBe(3);
    expect(greyed.map((g) => g.cardState!.replaceName).join(' ')).toMatch(/已同意·王五.*已同意·赵敏.*已同意·陈主任/);
    // 钱进 saw the same hall_office card greyed with who decided
    const qianCard = t
      .cardsTo('qian')
      .find((c) => c.card!.main_title && (c.card!.main_title as { title: string }).title === '测试申请 T1')!;
    expect(qianCard.cardState?.replaceName).toContain('赵敏');
    expect(t.lastTextTo('lisi')).toContain('已批准');
    expect((await t.groupTexts('G-DEPT-GA')).join('\n')).toContain(`${no} 测试申请 T1：已批准`);
  });

  it('a second click and a click on a finished approval get 已处理 and change nothing', async () => {
    const no = await draft('T2');
    await t.click('wangwu', `approve:${no}`);
    // (a second click in the same second is the same callback by D7's key and is dropped outright)
    t.clock.advance(2_000);
    await t.click('wangwu', `approve:${no}`, {
      taskId: t.cardsTo('wangwu').find((c) => JSON.stringify(c.card).includes(no))!.taskId,
    });
    expect(t.lastTextTo('wangwu')).toMatch(/已处理/);
    await t.click('zhao', `approve:${no}`);
    await t.click('qian', `approve:${no}`);
    expect(t.lastTextTo('qian')).toMatch(/已处理/);
    const audits = await t.bot.deps.db.manager.count(AuditLog, {
      where: { subjectId: no, action: 'approval.approve' },
    });
    expect(audits).toBe(2);
  });

  it('someone who is not the approver gets 无权审批', async () => {
    const no = await draft('T3');
    await t.say('zhangsan', `审批 ${no} 同意`);
    expect(t.lastTextTo('zhangsan')).toMatch(/^无权审批/);
    expect(await status(no)).toBe('pending');
  });

  it('D2 reject click asks for a reason; the next text is the reason; requester told', async () => {
    const no = await draft('T4');
    await t.click('wangwu', `reject:${no}`);
    expect(t.lastTextTo('wangwu')).toContain('请在10分钟内直接回复驳回');
    expect(await status(no)).toBe('pending');
    await t.say('wangwu', '证明材料不全');
    expect(await status(no)).toBe('rejected');
    expect(outcomes).toEqual(['rejected:T4:证明材料不全']);
    expect(t.lastTextTo('lisi')).toContain('已驳回（原因：证明材料不全）');
  });

  it('a reject by text command with 原因= works without a click', async () => {
    const no = await draft('T5');
    await t.say('wangwu', `审批 ${no} 驳回 原因=时间冲突`);
    expect(await status(no)).toBe('rejected');
  });

  it('the requester withdraws while pending; a later click gets 已处理', async () => {
    const no = await draft('T6');
    await t.say('lisi', `审批 撤回 ${no}`);
    expect(t.lastTextTo('lisi')).toBe(`✅ ${no} 已撤回`);
    expect(outcomes).toEqual(['withdrawn:T6']);
    await t.click('wangwu', `approve:${no}`);
    expect(t.lastTextTo('wangwu')).toMatch(/已处理.*已撤回/);
    expect(await status(no)).toBe('withdrawn');
  });

  it('DIR-02 a delegate decides for the 首席代表 during the period, tagged 代', async () => {
    await t.say('wangwu', '代理 设置 张三 从=今天 到=3月6日');
    expect(t.lastTextTo('wangwu')).toContain('由 张三 代理 王五 审批');
    const no = await draft('T7');
    expect(t.cardsTo('zhangsan').some((c) => JSON.stringify(c.card).includes(no))).toBe(true);
    await t.click('zhangsan', `approve:${no}`);
    const history = t.bot.deps.db.manager;
    await t.say('lisi', `审批 查看 ${no}`);
    expect(t.lastTextTo('lisi')).toContain('张三（代 王五）');
    expect((await history.findOneOrFail(Approval, { where: { no } })).step).toBe(1);
  });

  it('待办 lists my pending approvals, oldest first', async () => {
    const a = await draft('T8');
    const b = await draft('T9');
    await t.say('wangwu', '待办');
    const reply = t.textsTo('wangwu').at(-2)!;
    expect(reply.indexOf(a)).toBeGreaterThan(-1);
    expect(reply.indexOf(a)).toBeLessThan(reply.indexOf(b));
  });

  it('two approvals of the same subject started concurrently: one wins, the other is refused clearly', async () => {
    const results = await Promise.allSettled(
      ['lisi', 'zhangsan'].map((by) =>
        t.bot.deps.db.tx(async (m) => {
          const ctx = makeCtx(t.bot.deps, m, t.clock.now(), (await loadActor(m, by))!, `race:${by}`);
          return startApproval(ctx, {
            kind: 'test-three-step',
            subjectType: 'test',
            subjectId: 'RACE',
            title: '并发',
            departmentCode: 'GA',
            chiefSignsFirst: true,
          });
        }),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(String((refused.reason as Error).message)).toMatch(/该事项已有审批在进行中（SP\d{4}-\d{5}）/);
    expect(await t.bot.deps.db.manager.count(Approval, { where: { subjectId: 'RACE' } })).toBe(1);
  });

  it('D17 a pending step is reminded after 1 WD and escalated to G-OFFICE one WD later, once each', async () => {
    const no = await draft('T10');
    await t.runJob('approval-reminders', '2026-03-04T09:30:00+08:00');
    await t.runJob('approval-reminders', '2026-03-04T09:30:00+08:00');
    expect(t.textsTo('wangwu').filter((x) => x.includes(no) && x.includes('待审批已'))).toHaveLength(1);
    await t.runJob('approval-reminders', '2026-03-05T09:30:00+08:00');
    expect((await t.groupTexts('G-OFFICE')).filter((x) => x.includes(no) && x.includes('审批超时'))).toHaveLength(1);
    t.setNow('2026-03-03T09:00:00+08:00');
    void systemActor;
  });
});
