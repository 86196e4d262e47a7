import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../entities/person-role';
import { roleStep } from '../../src/approvals/approvers';
import { startApproval } from '../../src/approvals/engine';
import { runText } from '../../src/chat/run-text';
import type { ApprovalKind } from '../../src/kernel/approval-kind';
import { mayPress } from '../../src/kernel/card';
import type { Actor } from '../../src/kernel/ctx';
import { loadActor } from '../../src/kernel/directory';
import { makeCtx } from '../../src/kernel/make-ctx';
import { TABLES } from '../../src/tables';
import { startTestBot, type TestBot } from '../helpers/bot';

// Design rule 8, generated from the tables: every command and every card verb × every role is allowed or refused
// exactly as its row declares; cards and 审批 查看 are scoped to the record's people and department.

const FORBIDDEN = /^你没有权限使用“/;
class Rollback extends Error {}

const kind: ApprovalKind = {
  kind: 'test-matrix',
  steps: async (ctx) => [await roleStep(ctx.m, '大厅管理室审核', 'hall_office')],
  card: async () => ({ fields: [{ key: '事由', value: '权限矩阵' }] }),
  onApproved: async () => {},
  onRejected: async () => {},
};

describe('permission matrix (design rule 8)', () => {
  let t: TestBot;
  beforeAll(async () => {
    t = await startTestBot({
      now: '2026-03-03T10:00:00+08:00',
      tables: { ...TABLES, approvalKinds: [...TABLES.approvalKinds, kind] },
    });
  });
  afterAll(async () => t.close());

  const actorWith = (role: Role): Actor => ({
    userid: `matrix-${role}`,
    name: `矩阵${role}`,
    departmentCode: 'GA',
    windowNumber: null,
    roles: [role],
    flags: [],
  });

  /** The replies `text` gets from an actor, in a transaction that is rolled back (nothing stays). */
  async function repliesTo(actor: Actor, text: string): Promise<string[]> {
    let replies: string[] = [];
    await t.bot.deps.db
      .tx(async (m) => {
        const ctx = makeCtx(t.bot.deps, m, t.clock.now(), actor, `matrix:${actor.userid}:${text}`);
        try {
          await runText(ctx, text);
        } catch {
          // A handler refusing bad or missing input is fine here: only the permission answer is under test.
        }
        replies = [...ctx.replies];
        throw new Rollback();
      })
      .catch((e: unknown) => {
        if (!(e instanceof Rollback)) throw e;
      });
    return replies;
  }

  it('every command × every role: refused exactly when the row does not list the role', async () => {
    const wrong: string[] = [];
    for (const cmd of TABLES.commands) {
      for (const role of ROLES) {
        const declared = cmd.roles === 'all' || cmd.roles.includes(role);
        const refused = (await repliesTo(actorWith(role), cmd.name)).some((r) => FORBIDDEN.test(r));
        if (refused === declared) wrong.push(`${cmd.name} × ${role}: ${refused ? 'refused' : 'allowed'}`);
      }
    }
    expect(wrong).toEqual([]);
  }, 120_000);

  it('every card verb declares who may press it; role verbs × every role follow the declaration', async () => {
    for (const action of TABLES.cardActions) {
      expect(action.who, action.verb).toBeDefined();
      if (!('roles' in action.who)) continue;
      for (const role of ROLES) {
        const ctx = makeCtx(t.bot.deps, t.bot.deps.db.manager, t.clock.now(), actorWith(role), 'matrix');
        expect(await mayPress(ctx, action.who, 'X1'), `${action.verb} × ${role}`).toBe(action.who.roles.includes(role));
      }
    }
  });

  it('a record-scoped button pressed by someone it does not name is refused before its handler runs', async () => {
    for (const action of TABLES.cardActions.filter((a) => !('roles' in a.who))) {
      const before = t.textsTo('zhangsan').length;
      await t.post({
        type: 'card',
        from: 'zhangsan',
        eventKey: `${action.verb}:NOPE-1`,
        taskId: `m-${action.verb}`,
      } as never);
      expect(t.textsTo('zhangsan').slice(before), action.verb).toEqual([
        expect.stringMatching(/^你无权处理该按钮（需要：.+）。$/) as unknown,
      ]);
    }
    // cancel_award/keep_award checked nothing before: a staff member is refused, 大厅管理室 passes the guard.
    await t.post({ type: 'card', from: 'lisi', eventKey: 'cancel_award:1', taskId: 'm-award' } as never);
    expect(t.lastTextTo('lisi')).toMatch(/^你无权处理该按钮/);
  });

  it('审批 查看 is scoped: requester, approvers, 大厅管理室 and leaders, and only the own department’s 首席代表', async () => {
    const no = await t.bot.deps.db.tx(async (m) => {
      const ctx = makeCtx(t.bot.deps, m, t.clock.now(), (await loadActor(m, 'zhangsan'))!, 'matrix:start');
      return (
        await startApproval(ctx, {
          kind: 'test-matrix',
          subjectType: 'test',
          subjectId: 'M1',
          title: '矩阵',
          departmentCode: 'GA',
        })
      ).no;
    });
    await t.settle();
    const view = async (who: string) => {
      await t.say(who, `审批 查看 ${no}`);
      return t.lastTextTo(who);
    };
    for (const who of ['zhangsan', 'zhao', 'liu', 'wangwu']) expect(await view(who), who).not.toMatch(/^你无权查看/);
    for (const who of ['lisi', 'huangyan', 'xiaogao']) expect(await view(who), who).toMatch(/^你无权查看/);
  });
});
