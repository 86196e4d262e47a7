import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditLog } from '../../entities/audit-log';
import { JobRun } from '../../entities/job-run';
import { defineJob } from '../../src/kernel/job';
import { JOBS } from '../../jobs/index';
import { Scheduler, fireTimesBetween, validateCron } from '../../src/scheduler';
import { localDate } from '../../src/kernel/time';
import { startTestBot, type TestBot } from '../helpers/bot';

// The scheduler (D14, D15) and settings (docs/settings.md).

describe('scheduler', () => {
  let t: TestBot;
  const runs: string[] = [];
  const daily = defineJob({
    name: 'test-daily',
    cron: '45 7 * * *',
    workingDaysOnly: true,
    rules: [],
    summary: 'test',
    recipients: 'test',
    periodKey: (now) => localDate(now),
    run: async (_deps, now) => {
      runs.push(localDate(now));
      return { n: 1 };
    },
  });
  const sched = () => new Scheduler(t.bot.deps, t.clock, [daily]);

  beforeAll(async () => {
    t = await startTestBot({ now: '2026-03-02T06:00:00+08:00' });
  });
  afterAll(async () => t.close());

  it('the jobs table is valid: every cron parses and names are unique', () => {
    expect(() => new Scheduler(t.bot.deps, t.clock, JOBS)).not.toThrow();
    for (const j of JOBS) expect(validateCron(j.cron), j.name).toBe(true);
  });

  it('an invalid cron expression is refused at start', () => {
    expect(() => new Scheduler(t.bot.deps, t.clock, [{ ...daily, cron: '61 7 * * *' }])).toThrow(/invalid cron/);
  });

  it('the same period twice → one run; a non-working day → nothing claimed', async () => {
    const s = sched();
    expect((await s.runJob(daily, new Date('2026-03-02T07:45:00+08:00'))).status).toBe('ok');
    expect((await s.runJob(daily, new Date('2026-03-02T07:46:00+08:00'))).status).toBe('already-run');
    expect((await s.runJob(daily, new Date('2026-03-07T07:45:00+08:00'))).status).toBe('non-workday');
    expect(runs).toEqual(['2026-03-02']);
    expect(await t.bot.deps.db.manager.count(JobRun, { where: { job: 'test-daily', period: '2026-03-07' } })).toBe(0);
  });

  it('--force re-runs a period as a new attempt and is audited (D14)', async () => {
    const out = await sched().runJob(daily, new Date('2026-03-02T07:45:00+08:00'), { force: true, actor: 'cli' });
    expect(out).toMatchObject({ status: 'ok', attempt: 2 });
    expect(
      await t.bot.deps.db.manager.count(AuditLog, { where: { action: 'job.force', subjectId: 'test-daily' } }),
    ).toBe(1);
  });

  it('D14 catch-up: the most recent missed period runs once, older ones are recorded skipped-missed and shown in /healthz', async () => {
    runs.length = 0;
    t.setNow('2026-03-05T10:00:00+08:00'); // “down” from Mon 07:45 until Thu 10:00
    const ran = await sched().catchUp();
    expect(ran).toEqual(['test-daily@2026-03-05']);
    expect(runs).toEqual(['2026-03-05']);
    const skipped = await t.bot.deps.db.manager.find(JobRun, {
      where: { job: 'test-daily', status: 'skipped-missed' },
      order: { period: 'ASC' },
    });
    expect(skipped.map((r) => r.period)).toEqual(['2026-03-03', '2026-03-04']);
    const health = (await (await fetch(`${t.bot.url}/healthz`)).json()) as { jobs: { skippedMissed: string[] } };
    expect(health.jobs.skippedMissed).toEqual(
      expect.arrayContaining(['test-daily@2026-03-03', 'test-daily@2026-03-04']),
    );
    // a second start changes nothing
    expect(await sched().catchUp()).toEqual([]);
    expect(runs).toEqual(['2026-03-05']);
  });

  it('fire times follow Asia/Shanghai', () => {
    const fires = fireTimesBetween(
      '45 7 * * *',
      new Date('2026-03-02T00:00:00+08:00'),
      new Date('2026-03-03T23:59:00+08:00'),
    );
    expect(fires.map((d) => d.toISOString())).toEqual(['2026-03-01T23:45:00.000Z', '2026-03-02T23:45:00.000Z']);
  });
});

describe('settings', () => {
  let t: TestBot;
  beforeAll(async () => {
    t = await startTestBot({ now: '2026-03-03T10:00:00+08:00' });
  });
  afterAll(async () => t.close());

  it('an invalid value is refused with the schema message and nothing changes', async () => {
    await t.say('zhao', '设置 修改 calendar.endOfDay 25:00');
    expect(t.lastTextTo('zhao')).toContain('时间格式应为 HH:MM');
    expect(t.bot.deps.calendar.endOfDay).toBe('17:30');
  });

  it('OPEN #1 a change is effective for the next command without restart and is audited (old → new, who, why)', async () => {
    await t.say('zhao', '日历 查询 明天');
    await t.say('zhao', '设置 修改 calendar.endOfDay 17:00 说明=冬季作息');
    expect(t.lastTextTo('zhao')).toBe('✅ calendar.endOfDay：17:30 → 17:00（已生效）');
    expect(t.bot.deps.calendar.endOfDay).toBe('17:00');
    const audit = await t.bot.deps.db.manager.findOneOrFail(AuditLog, {
      where: { action: 'setting.change', subjectId: 'calendar.endOfDay' },
    });
    expect(audit.actor).toBe('zhao');
    expect(audit.detail).toMatchObject({ from: '17:30', to: '17:00', reason: '冬季作息' });
    await t.say('zhao', '设置 查看 calendar.endOfDay');
    expect(t.lastTextTo('zhao')).toContain('当前：17:00｜默认：17:30');
  });

  it('D15 a job time is a setting job.<name>.cron', async () => {
    await t.say('zhao', '设置 修改 job.approval-reminders.cron 0 10 * * *');
    expect(t.lastTextTo('zhao')).toContain('30 9 * * * → 0 10 * * *');
    const job = t.bot.scheduler.job('approval-reminders')!;
    expect(await t.bot.scheduler.cronOf(job)).toBe('0 10 * * *');
    await t.say('zhao', '设置 修改 job.approval-reminders.cron 每天十点');
    expect(t.lastTextTo('zhao')).toContain('cron 表达式应有5段');
  });

  it('only admin and hall_office may change settings', async () => {
    await t.say('wangwu', '设置 修改 calendar.endOfDay 16:00');
    expect(t.lastTextTo('wangwu')).toMatch(/你没有权限使用“设置 修改”/);
  });
});
