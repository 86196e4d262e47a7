import { describe, expect, it } from 'vitest';
import { createDataSource } from '../../ormconfig';
import { Approval } from '../../entities/approval';
import { ApprovalStep } from '../../entities/approval-step';
import { AuditLog } from '../../entities/audit-log';
import { InboxRow } from '../../entities/inbox';
import { JobRun } from '../../entities/job-run';
import { OutboxRow } from '../../entities/outbox';
import { Db } from '../../src/db';
import type { CrashPoint } from '../../src/crash-point';
import { loadDemoDirectory } from '../../src/directory/demo';
import { enqueue } from '../../src/outbox/enqueue';
import { testEnv } from '../helpers/bot';
import { freshDatabaseUrl } from '../helpers/db';
import { fakeWecom, type FeedItem, type RunningFakeWecom } from '../helpers/fake-wecom';
import { exited, post, say, spawnNode, startBot } from '../helpers/processes';

// Fault matrix, crash side (D77, D78): the real bot process (src/main.ts, real clock) is killed with
// SIGKILL at a crash point (src/crash-point.ts), then started again on the same database. Every acknowledged
// message must be processed once and answered once; an interrupted job period must be re-run once; a click killed
// between deciding a step and committing the next step's card advances the approval exactly one step. The scenarios
// run side by side and share one wait for the 60 s leases of the killed process to run out.

const LEASE_WAIT_MS = 62_000;
const RESEND_MARK = '重发窗口测试';

/** The newest card delivered to `userid` that carries a button with this key prefix (polls the fake). */
async function cardFor(fake: RunningFakeWecom, userid: string, keyPrefix: string): Promise<FeedItem> {
  for (let i = 0; i < 100; i++) {
    const card = fake.state.feedLog
      .all()
      .filter((f) => f.msgtype === 'template_card' && (f.to as string[]).includes(userid))
      .find((f) =>
        ((f.card?.button_list as { key: string }[] | undefined) ?? []).some((b) => b.key.startsWith(keyPrefix)),
      );
    if (card) return card;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`no card with ${keyPrefix} for ${userid}`);
}

/** 林娜 (BDC staff) files a 窗口变更: 首席代表签字 (高峰) → 大厅管理室审核 (赵敏, 钱进) → 有关负责人签字 (WIN-02). */
async function fileChange(url: string): Promise<void> {
  const start = new Date(Date.now() + 40 * 86_400_000).toISOString().slice(0, 10);
  const cmd = `窗口 变更 新增 窗口=25 起始=${start} 业务=不动产抵押登记`;
  expect(await say(url, 'linna', cmd, '7100000000000000002')).toBe(200);
}

interface Scenario {
  point: CrashPoint;
  /** A group message waiting in the outbox before the start, so it is the first row sent (D230). */
  group?: string;
  fake: RunningFakeWecom;
  env: Record<string, string>;
  dbUrl: string;
}

async function prepare({ point, group }: { point: CrashPoint; group?: string }): Promise<Scenario> {
  const fake = await fakeWecom({ secret: 'test-secret' });
  const dbUrl = await freshDatabaseUrl();
  const ds = createDataSource(dbUrl);
  await ds.initialize();
  await ds.runMigrations({ transaction: 'each' });
  const db = new Db(ds);
  await loadDemoDirectory(db, new Date(), fake.url);
  if (group)
    await db.tx((m) => enqueue(m, new Date(), `resend:${group}`, { group }, { text: `${RESEND_MARK} ${group}` }));
  await db.close();
  return { point, group, fake, dbUrl, env: testEnv(dbUrl, fake.url) };
}

/** Make the first process die at its crash point; resolves when it is dead. */
async function crash(s: Scenario): Promise<void> {
  const env = { ...s.env, HALL_CRASH_AT: s.point };
  if (s.point === 'mid-job') {
    const cli = spawnNode(['src/cli.ts', 'job', 'run', 'approval-reminders', '--at', '2026-03-04T09:30:00+08:00'], env);
    expect(await exited(cli)).toBe('SIGKILL');
    return;
  }
  const { child, url } = await startBot(env);
  const died = exited(child);
  if (s.point === 'mid-approval') {
    await fileChange(url);
    const card = await cardFor(s.fake, 'gaofeng', 'approve:');
    const eventKey = (card.card!.button_list as { key: string }[]).find((b) => b.key.startsWith('approve:'))!.key;
    const responseCode = s.fake.state.mintResponseCode(card.taskId!);
    const click = { type: 'card', from: 'gaofeng', eventKey, taskId: card.taskId, responseCode };
    expect(await post(url, { ...click, cardType: 'button_interaction' })).toBe(200);
  } else if (!s.group) expect(await say(url, 'lisi', '我是谁', '7100000000000000001')).toBe(200);
  expect(await died).toBe('SIGKILL');
}

/** After the restart: the click decided step 0 once, the approval sits on step 1, each next approver has one card. */
async function expectOneStep(s: Scenario): Promise<void> {
  const ds = createDataSource(s.dbUrl);
  await ds.initialize();
  try {
    const a = await ds.manager.findOneOrFail(Approval, { where: { subjectId: 'BG2026-BDC-001' } });
    expect([a.status, a.step]).toEqual(['pending', 1]);
    const steps = await ds.manager.find(ApprovalStep, { where: { approvalId: a.id }, order: { idx: 'ASC' } });
    expect(steps.map((x) => `${x.status}:${x.decidedBy ?? ''}`)).toEqual(['approved:gaofeng', 'pending:', 'waiting:']);
    expect(await ds.manager.count(AuditLog, { where: { subjectId: a.no, action: 'approval.approve' } })).toBe(1);
    const cardsTo = (u: string) =>
      s.fake.state.feedLog
        .all()
        .filter(
          (f) =>
            f.msgtype === 'template_card' && (f.to as string[]).includes(u) && JSON.stringify(f.card).includes(a.no),
        );
    expect([cardsTo('zhao').length, cardsTo('qian').length]).toEqual([1, 1]);
    const greyed = s.fake.state.feedLog.all().filter((f) => f.cardState?.replaceName?.includes('已同意·高峰'));
    expect(greyed).toHaveLength(1);
    const told = s.fake.state.messagesTo('gaofeng').filter((f) => f.text?.includes(`${a.no} 已同意，送大厅管理室审核`));
    expect(told).toHaveLength(1);
  } finally {
    await ds.destroy();
  }
}

async function settled(s: Scenario): Promise<{ inbox: InboxRow[]; outbox: OutboxRow[]; runs: JobRun[] }> {
  const ds = createDataSource(s.dbUrl);
  await ds.initialize();
  try {
    for (let i = 0; ; i++) {
      const inbox = await ds.manager.find(InboxRow, { order: { id: 'ASC' } });
      const outbox = await ds.manager.find(OutboxRow);
      const runs = await ds.manager.find(JobRun, { where: { job: 'approval-reminders', period: '2026-03-04' } });
      const open =
        inbox.some((r) => r.status === 'pending' || r.status === 'processing') ||
        outbox.some((r) => r.status === 'pending' || r.status === 'sending') ||
        runs.some((r) => r.status === 'running');
      if (!open || i > 60) return { inbox, outbox, runs };
      await new Promise((r) => setTimeout(r, 500));
    }
  } finally {
    await ds.destroy();
  }
}

describe('crash matrix (SIGKILL, restart)', () => {
  it('after the ack, inside a command transaction, after WeCom 200 before the sent mark, mid-job, mid-approval: all once', async () => {
    const points: CrashPoint[] = ['before-dispatch', 'in-command-tx', 'after-send', 'mid-job', 'mid-approval'];
    // D230: the same crash after WeCom's 200 for a robot message and an app-chat message, which WeCom cannot dedupe.
    const groups = ['G-DEPT-GA', 'G-HALL'].map((group) => ({ point: 'after-send' as const, group }));
    const scenarios = await Promise.all([...points.map((point) => ({ point })), ...groups].map(prepare));
    await Promise.all(scenarios.map(crash));
    const crashedAt = Date.now();
    // The killed process's leases (inbox, outbox, job run: 60 s each) must run out before anyone takes over.
    await new Promise((r) => setTimeout(r, Math.max(0, LEASE_WAIT_MS - (Date.now() - crashedAt))));
    const restarted = await Promise.all(scenarios.map((s) => startBot(s.env)));
    try {
      for (const s of scenarios) {
        const { inbox, outbox, runs } = await settled(s);
        if (s.point === 'mid-job') {
          expect(runs.map((r) => `${r.attempt}:${r.status}`).sort(), s.point).toEqual(['1:failed', '2:ok']);
          continue;
        }
        if (s.group) {
          // The one message that can arrive twice: sent, killed before the sent mark, sent again after the lease.
          const row = outbox.find((r) => r.dedupeKey === `resend:${s.group}`)!;
          expect([row.status, row.attempts], s.group).toEqual(['sent', 2]);
          const copies = s.fake.state.feedLog.all().filter((m) => m.text === `${RESEND_MARK} ${s.group}`);
          expect(
            copies.map((m) => m.channel),
            s.group,
          ).toEqual(s.group === 'G-HALL' ? ['chat', 'chat'] : ['robot', 'robot']);
          expect(s.fake.state.feedLog.limits.violations, s.group).toEqual([]);
          continue;
        }
        if (s.point === 'mid-approval') {
          expect(inbox.map((r) => `${r.userid}:${r.status}`)).toEqual(['linna:done', 'gaofeng:done']);
          expect(outbox.filter((r) => r.status !== 'sent')).toEqual([]);
          await expectOneStep(s);
          continue;
        }
        expect(
          inbox.map((r) => r.status),
          s.point,
        ).toEqual(['done']);
        expect(
          outbox.filter((r) => r.status !== 'sent'),
          s.point,
        ).toEqual([]);
        const replies = s.fake.state.messagesTo('lisi').filter((i) => i.text?.includes('李四'));
        expect(replies, s.point).toHaveLength(1);
        if (s.point === 'after-send') {
          // D230: the reply was sent twice (killed after the 200, sent again after the lease); WeCom dropped the copy.
          const reply = outbox.find((r) => r.targetKind === 'user' && r.target === 'lisi')!;
          expect(reply.attempts, s.point).toBe(2);
          const sends = s.fake.state.calls.filter((c) => c.path === '/cgi-bin/message/send');
          expect(
            sends.filter((c) => (c.body as { touser?: string }).touser === 'lisi'),
            s.point,
          ).toHaveLength(2);
        }
        expect(s.fake.state.feedLog.limits.violations, s.point).toEqual([]);
      }
    } finally {
      for (const r of restarted) r.child.kill('SIGTERM');
      await Promise.all(restarted.map((r) => exited(r.child)));
      await Promise.all(scenarios.map((s) => s.fake.close()));
    }
  }, 300_000);
});
