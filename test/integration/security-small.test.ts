import type Koa from 'koa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PersonRole } from '../../entities/person-role';
import { bootstrapAdmins } from '../../src/bootstrap-admins';
import { loadConfig } from '../../src/config';
import { metricsAllowed } from '../../src/http/health';
import { type TestBot, startTestBot, testEnv } from '../helpers/bot';

// D65, D66: BOOTSTRAP_ADMINS never overrule a revocation, TRUST_PROXY default off,
// /metrics for loopback or METRICS_TOKEN, /healthz without driver text, robot webhooks on WeCom's host only.

describe('smaller items', () => {
  let t: TestBot;
  beforeAll(async () => {
    t = await startTestBot({ now: '2026-03-03T10:00:00+08:00' });
  });
  afterAll(async () => t.close());
  const rolesOf = async (userid: string) =>
    (await t.bot.deps.db.manager.find(PersonRole, { where: { userid } })).map((r) => r.role).sort();

  it('BOOTSTRAP_ADMINS grants admin only to a person with no role row, and a revocation made in chat stays', async () => {
    const db = t.bot.deps.db;
    const now = t.clock.now();
    await bootstrapAdmins(db, ['NewBoss', 'zhao'], now);
    expect(await rolesOf('newboss')).toEqual(['admin']);
    expect(await rolesOf('zhao')).not.toContain('admin'); // 赵 already has a role: the variable does not add one
    await t.say('magong', '角色 撤销 newboss admin');
    expect(await rolesOf('newboss')).toEqual([]);
    await bootstrapAdmins(db, ['newboss'], now); // the next start
    expect(await rolesOf('newboss')).toEqual([]);
  });

  it('TRUST_PROXY is off by default and on only when set to 1', () => {
    const env = testEnv('sqlite::memory:', 'https://qyapi.weixin.qq.com');
    expect(loadConfig(env).trustProxy).toBe(false);
    expect(loadConfig({ ...env, TRUST_PROXY: '1' }).trustProxy).toBe(true);
    expect(() => loadConfig({ ...env, TRUST_PROXY: 'yes' })).toThrow(/TRUST_PROXY/);
  });

  it('/metrics: a direct loopback caller, or the METRICS_TOKEN bearer; nobody else', () => {
    const ctx = (remoteAddress: string, headers: Record<string, string> = {}) =>
      ({
        req: { socket: { remoteAddress } },
        get: (h: string) => headers[h.toLowerCase()] ?? '',
      }) as unknown as Koa.Context;
    const token = 'm'.repeat(24);
    expect(metricsAllowed(ctx('127.0.0.1'), undefined)).toBe(true);
    expect(metricsAllowed(ctx('::1'), undefined)).toBe(true);
    expect(metricsAllowed(ctx('127.0.0.1', { 'x-forwarded-for': '198.51.100.7' }), undefined)).toBe(false);
    expect(metricsAllowed(ctx('198.51.100.7'), undefined)).toBe(false);
    expect(metricsAllowed(ctx('198.51.100.7'), token)).toBe(false);
    expect(metricsAllowed(ctx('198.51.100.7', { authorization: `Bearer ${token}` }), token)).toBe(true);
    expect(metricsAllowed(ctx('198.51.100.7', { authorization: `Bearer ${token}x` }), token)).toBe(false);
  });

  it('/healthz answers db down without the driver’s text', async () => {
    const { healthz } = await import('../../src/http/health');
    const broken = {
      manager: { count: () => Promise.reject(new Error('connect ECONNREFUSED 10.0.0.5:3306 user hall')) },
    };
    const logged: unknown[] = [];
    const c = { status: 200, body: undefined as unknown };
    await healthz(broken as never, 'real', { now: () => new Date() }, {
      error: (o: unknown) => logged.push(o),
    } as never)(c as never, async () => {});
    expect(c.status).toBe(503);
    expect(JSON.stringify(c.body)).toBe('{"ok":false,"db":"down"}');
    expect(logged).toHaveLength(1);
  });

  it('群 绑定 webhook= accepts the WeCom robot host (setting group.robotHosts), audited with the key masked', async () => {
    await t.say('magong', '群 绑定 G-DEPT-SB webhook=https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc-123');
    expect(t.lastTextTo('magong')).toMatch(/G-DEPT-SB/);
    await t.say('magong', '群 绑定 G-DEPT-SB webhook=https://robot.example.cn/cgi-bin/webhook/send?key=abc-123');
    expect(t.lastTextTo('magong')).toContain('group.robotHosts');
    await t.say('magong', '设置 修改 group.robotHosts qyapi.weixin.qq.com,robot.example.cn');
    await t.say('magong', '群 绑定 G-DEPT-SB webhook=https://robot.example.cn/cgi-bin/webhook/send?key=abc-123');
    expect(t.lastTextTo('magong')).not.toContain('group.robotHosts');
  });
});
