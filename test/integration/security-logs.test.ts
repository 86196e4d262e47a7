import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InboxRow } from '../../entities/inbox';
import { describeConfig, loadConfig, maskDsn } from '../../src/config';
import { insertRows, type Db } from '../../src/db';
import { errorSummary, makeLogger } from '../../src/logging';
import { freshDb } from '../helpers/db';
import { testEnv } from '../helpers/bot';

// D61: a failed insert carrying a complainant's name and
// phone is logged by type, message, code and stack only; content fields are redacted; inbox.error keeps the
// message line; describeConfig masks the DSN password in every URL form.

const NAME = '王建国';
const PHONE = '13912345678';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { stream, text: () => lines.join('') };
}

describe('logs without personal data', () => {
  let db: Db;
  let failure: unknown;
  beforeAll(async () => {
    db = await freshDb();
    const row = {
      dedupeKey: 'msg:1',
      userid: 'zhao',
      kind: 'text',
      payload: { content: `投诉 登记 姓名=${NAME} 电话=${PHONE}` },
      status: 'pending' as const,
      attempts: 0,
      receivedAt: new Date(),
    };
    await insertRows(db.manager, InboxRow, row);
    // The same dedupe key again, without orIgnore: the driver refuses it, and the error carries the row.
    failure = await insertRows(db.manager, InboxRow, row).catch((e: unknown) => e);
  });
  afterAll(async () => db.close());

  it('the forced failure really carries the personal data (so the next test can fail)', () => {
    const plain = capture();
    pino({ level: 'info' }, plain.stream).error({ err: failure }, 'inbox insert failed');
    expect(plain.text()).toContain(PHONE);
  });

  it('a failing insert with a complainant’s name and phone: neither appears in the log output', () => {
    const out = capture();
    const log = makeLogger('info', out.stream);
    log.error({ err: failure }, 'inbox insert failed');
    log.error({ err: failure, payload: { content: `${NAME} ${PHONE}` }, inboxId: 7 }, 'event failed');
    log.warn({ row: { text: `${NAME} ${PHONE}` } }, 'nested text');
    const text = out.text();
    expect(text).not.toContain(NAME);
    expect(text).not.toContain(PHONE);
    const first = JSON.parse(text.split('\n')[0]) as { err: Record<string, unknown> };
    expect(first.err.type).toBe('QueryFailedError');
    expect(Object.keys(first.err).sort()).toEqual(expect.arrayContaining(['message', 'stack', 'type']));
    expect(first.err).not.toHaveProperty('parameters');
    expect(first.err).not.toHaveProperty('driverError');
  });

  it('inbox.error keeps one scrubbed line: no stack, no values', () => {
    const summary = errorSummary(failure);
    expect(summary).toMatch(/^QueryFailedError: /);
    expect(summary).not.toContain('\n');
    expect(summary).not.toContain(PHONE);
    const mysqlLike = Object.assign(new Error(`Duplicate entry '${PHONE}' for key 'PRIMARY'`), {
      code: 'ER_DUP_ENTRY',
    });
    expect(errorSummary(mysqlLike)).toBe("Error: Duplicate entry '…' for key '…'");
  });

  it('a robot target is logged with its host and without its key', () => {
    const out = capture();
    makeLogger('info', out.stream).error(
      { target: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa' },
      'outbox message failed permanently',
    );
    expect(out.text()).toContain('qyapi.weixin.qq.com');
    expect(out.text()).not.toContain('693a91f6');
  });

  it.each([
    ['user:password@', 'mysql://hall:pw123@db.example:3306/hall'],
    ['password with @ and :', 'mysql://hall:p@w:123@db.example:3306/hall'],
    ['URL-encoded password', 'mariadb://hall:p%40w123@db.example/hall'],
    ['query password=', 'mysql://db.example:3306/hall?user=hall&password=pw123'],
    ['query pwd= after another option', 'mysql://db.example/hall?charset=utf8mb4&pwd=pw123'],
  ])('describeConfig masks the DSN password: %s', (_form, url) => {
    const text = JSON.stringify(describeConfig(loadConfig({ ...testEnv(url, 'https://qyapi.weixin.qq.com') })));
    expect(text).not.toMatch(/pw123|p%40w123|p@w:123/);
    expect(maskDsn(url)).toContain('db.example');
  });
});
