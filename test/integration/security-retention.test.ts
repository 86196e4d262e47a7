import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditLog } from '../../entities/audit-log';
import { InboxRow } from '../../entities/inbox';
import { OutboxRow } from '../../entities/outbox';
import { runExportCli } from '../../src/cli-export';
import { insertRows } from '../../src/db';
import { type TestBot, startTestBot } from '../helpers/bot';

// D64: transport copies (inbox payloads, outbox bodies) are redacted after
// `retention.transportDays` (default 30) with their dedupe keys kept; export files are deleted once delivered;
// CLI exports are audited like chat exports. The records themselves stay (REC-10 is OPEN).

const PII = '王建国 13912345678';

describe('retention of transport copies', () => {
  let t: TestBot;
  beforeAll(async () => {
    t = await startTestBot({ now: '2026-04-20T10:00:00+08:00' });
    const m = t.bot.deps.db.manager;
    const inbox = (dedupeKey: string, receivedAt: string, status: InboxRow['status']) => ({
      dedupeKey,
      userid: 'zhao',
      kind: 'text',
      payload: { kind: 'text', msgId: dedupeKey.slice(4), content: `投诉 登记 姓名=${PII}` },
      status,
      attempts: 1,
      receivedAt: new Date(receivedAt),
    });
    await insertRows(m, InboxRow, [
      inbox('msg:9000000000000000001', '2026-03-01T10:00:00+08:00', 'done'),
      inbox('msg:9000000000000000002', '2026-04-15T10:00:00+08:00', 'done'),
      inbox('msg:9000000000000000003', '2026-03-01T10:00:00+08:00', 'pending'),
    ]);
    const outbox = (dedupeKey: string, createdAt: string) => ({
      dedupeKey,
      targetKind: 'user' as const,
      target: 'zhao',
      msgType: 'text',
      body: { text: `已登记 ${PII}` },
      status: 'sent' as const,
      attempts: 1,
      nextAttemptAt: new Date(createdAt),
      createdAt: new Date(createdAt),
      sentAt: new Date(createdAt),
    });
    await insertRows(m, OutboxRow, [
      outbox('old:1', '2026-03-01T10:00:00+08:00'),
      outbox('new:1', '2026-04-15T10:00:00+08:00'),
    ]);
  });
  afterAll(async () => t.close());
  const m = () => t.bot.deps.db.manager;

  it('REC-10 transport-retention redacts inbox payloads and outbox bodies older than 30 days, keeping dedupe keys', async () => {
    const outcome = await t.runJob('transport-retention', '2026-04-21T03:30:00+08:00');
    expect(outcome).toMatchObject({ status: 'ok' });
    const old = await m().findOneByOrFail(InboxRow, { dedupeKey: 'msg:9000000000000000001' });
    expect(old.payload).toEqual({ redacted: true });
    expect(old.status).toBe('done');
    expect((await m().findOneByOrFail(InboxRow, { dedupeKey: 'msg:9000000000000000002' })).payload.content).toContain(
      '王建国',
    );
    // a row still waiting to be processed keeps what it needs
    expect((await m().findOneByOrFail(InboxRow, { dedupeKey: 'msg:9000000000000000003' })).payload.content).toContain(
      '王建国',
    );
    expect((await m().findOneByOrFail(OutboxRow, { dedupeKey: 'old:1' })).body).toEqual({ redacted: true });
    expect(JSON.stringify((await m().findOneByOrFail(OutboxRow, { dedupeKey: 'new:1' })).body)).toContain('王建国');
    const audit = await m().findOneByOrFail(AuditLog, { action: 'retention.redact' });
    expect(audit.detail).toMatchObject({ days: 30, inbox: 1, outbox: 1 });
  });

  it('REC-10 a redelivery of a redacted message is still a duplicate: the dedupe key was kept', async () => {
    const before = await m().count(InboxRow);
    const status = await t.deliver({ type: 'text', from: 'zhao', content: 'x', msgId: '9000000000000000001' } as never);
    expect(status).toBe(200);
    expect(await m().count(InboxRow)).toBe(before);
  });

  it('retention.transportDays is a setting: 设置 修改 changes it, audited', async () => {
    await t.say('magong', '设置 修改 retention.transportDays 3');
    expect(t.lastTextTo('magong')).toMatch(/retention\.transportDays/);
    await t.runJob('transport-retention', '2026-04-22T03:30:00+08:00');
    expect((await m().findOneByOrFail(OutboxRow, { dedupeKey: 'new:1' })).body).toEqual({ redacted: true });
  });

  it('an export file is deleted from disk once delivered to chat', async () => {
    await t.say('zhao', '导出 投诉台账');
    expect(t.lastTextTo('zhao')).toMatch(/文件已发送/);
    const row = (await m().find(OutboxRow, { order: { id: 'DESC' } })).find((r) => r.msgType === 'file')!;
    expect(row.status).toBe('sent');
    const path = (row.body.file as { path: string }).path;
    expect(path).toContain('exports');
    expect(existsSync(path)).toBe(false);
  });

  it('REC-02 a CLI export is audited like a chat export', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'hall-export-')), 'ledger.xlsx');
    expect(await runExportCli(['投诉台账', '--out', out], t.bot.deps)).toBe(0);
    const audit = await m().findOneOrFail(AuditLog, { where: { action: 'ledger.export', actor: 'cli' } });
    expect(audit.detail).toMatchObject({ unmasked: true, via: 'cli' });
  });
});
