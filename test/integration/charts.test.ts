import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { OutboxRow } from '../../entities/outbox';
import { ServiceCase } from '../../entities/case';
import { ProviderScore } from '../../entities/provider-score';
import { Rating } from '../../entities/rating';
import { createBot } from '../../src/app';
import { loadConfig } from '../../src/config';
import { annualScoreSpec, scoreTrendSpec } from '../../src/domain/charts/specs';
import { firstWorkday } from '../../src/domain/briefings/schedule';
import type { FeedItem } from '../../src/fake-wecom';
import { enqueue } from '../../src/outbox/enqueue';
import { CHART_ZOOM, ChartFontMissing, chartSvg, renderChart } from '../../src/reports/charts';
import { ROBOT_IMAGE_MAX_BYTES } from '../../src/wecom/client';
import { FixedClock } from '../../src/kernel/time';
import { type TestBot, startTestBot } from '../helpers/bot';
import { freshDatabaseUrl } from '../helpers/db';
import { decodePng, inkShare, PNG_SIGNATURE } from '../helpers/png';

// Charts (D190–D194): vega-lite → vega SVG → PNG with resvg and the Noto CJK font; image messages through the
// outbox — app messages upload once with media/upload type=image, robots carry base64 + md5 (WeCom doc 91770).

let t: TestBot | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

const SCORES: [string, number, string][] = [
  ['2025-10', 855, '基本达标'],
  ['2025-11', 790, '不达标'],
  ['2025-12', 920, '优秀'],
  ['2026-01', 800, '基本达标'],
  ['2026-02', 880, '基本达标'],
  ['2026-03', 905, '优秀'],
];
const points = SCORES.map(([month, tenths, band]) => ({ month, score: tenths / 10, band }));
const md5 = (b: Buffer) => createHash('md5').update(b).digest('hex');

describe('chart renderer (D191)', () => {
  it('PRF-01 score trend renders to a PNG of the expected size, ≤ 2 MB, with enough drawn pixels', async () => {
    const spec = scoreTrendSpec('综窗服务商考核得分（截至2026年3月）', points);
    const { png, width, height } = await renderChart(spec);
    expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    const svg = await chartSvg(spec);
    const [, w, h] = /<svg[^>]* width="(\d+)" height="(\d+)"/.exec(svg)!.map(Number);
    const decoded = decodePng(png);
    expect([decoded.width, decoded.height]).toEqual([w * CHART_ZOOM, h * CHART_ZOOM]);
    expect([width, height]).toEqual([decoded.width, decoded.height]);
    expect(decoded.width).toBeGreaterThanOrEqual(600); // readable on a phone
    expect(png.length).toBeLessThanOrEqual(ROBOT_IMAGE_MAX_BYTES);
    const ink = inkShare(decoded);
    expect(ink).toBeGreaterThan(0.02); // axes, line, points, labels
    expect(ink).toBeLessThan(0.6); // not a solid block
    // The Chinese title is drawn with glyphs: without the font the same chart has far less ink.
    const noTitle = inkShare(decodePng((await renderChart({ ...spec, title: ' ' })).png));
    expect(ink - noTitle).toBeGreaterThan(0.002);
  });

  it('D191 a missing font file is a clear error, not a chart of empty boxes', async () => {
    const spec = annualScoreSpec('2025年', points, 85.8);
    await expect(renderChart(spec, '/nonexistent/NotoSansCJK-Regular.ttc')).rejects.toThrow(ChartFontMissing);
    await expect(renderChart(spec, '/nonexistent/x.ttc')).rejects.toThrow(/fonts-noto-cjk/);
  });
});

describe('image messages through the fake WeCom (D190, WeCom doc 91770)', () => {
  async function chartFile(): Promise<{ path: string; png: Buffer }> {
    const { png } = await renderChart(scoreTrendSpec('得分', points));
    const path = join(mkdtempSync(join(tmpdir(), 'chart-')), 'chart.png');
    writeFileSync(path, png);
    return { path, png };
  }
  const images = (pred: (i: FeedItem) => boolean) =>
    t!.fake.state.feedLog.all().filter((i) => i.msgtype === 'image' && pred(i));

  it('D190 a robot group gets the picture inline with its md5; above 2 MB it is refused before sending', async () => {
    t = await startTestBot();
    const { path, png } = await chartFile();
    const big = join(mkdtempSync(join(tmpdir(), 'chart-')), 'big.png');
    writeFileSync(big, Buffer.concat([PNG_SIGNATURE, Buffer.alloc(ROBOT_IMAGE_MAX_BYTES)]));
    await t.bot.deps.db.tx(async (m) => {
      await enqueue(m, t!.clock.now(), 'img-robot', { group: 'G-DEPT-GA' }, { image: { path, filename: 'a.png' } });
      await enqueue(m, t!.clock.now(), 'img-big', { group: 'G-DEPT-GA' }, { image: { path: big, filename: 'b.png' } });
    });
    await t.settle();
    const sent = images((i) => i.channel === 'robot');
    expect(sent).toHaveLength(1);
    expect(sent[0].image).toEqual({ md5: md5(png), bytes: png.length });
    expect(sent[0].dropped).toBe(false);
    expect(t.fake.state.callsTo('/cgi-bin/webhook/upload_media')).toHaveLength(0);
    expect(t.fake.state.callsTo('/cgi-bin/webhook/send')).toHaveLength(1);
    const bigRow = await t.bot.deps.db.manager.findOneByOrFail(OutboxRow, { dedupeKey: 'img-big' });
    expect(bigRow.status).toBe('failed');
    expect(bigRow.attempts).toBe(1);
    expect(bigRow.lastError).toContain('2 MB');
  });

  it('D190 a DM and an app chat upload with media/upload type=image, then send the media_id; a retry does not upload again', async () => {
    t = await startTestBot();
    const { path, png } = await chartFile();
    t.fake.state.failNext('/cgi-bin/message/send', { errcode: -1, errmsg: 'system busy' });
    await t.bot.deps.db.tx(async (m) => {
      await enqueue(m, t!.clock.now(), 'img-dm', { user: 'zhao' }, { image: { path, filename: 'a.png' } });
      await enqueue(m, t!.clock.now(), 'img-chat', { group: 'G-LEAD' }, { image: { path, filename: 'a.png' } });
    });
    await t.settle();
    t.setNow('2026-03-02T10:05:00+08:00'); // past the first backoff
    await t.settle();
    const uploads = t.fake.state.callsTo('/cgi-bin/media/upload');
    expect(uploads.map((c) => c.query.type)).toEqual(['image', 'image']);
    const rows = await t.bot.deps.db.manager.find(OutboxRow, {
      where: [{ dedupeKey: 'img-dm' }, { dedupeKey: 'img-chat' }],
    });
    expect(rows.map((r) => r.status)).toEqual(['sent', 'sent']);
    const dm = rows.find((r) => r.dedupeKey === 'img-dm')!;
    expect(dm.attempts).toBe(2);
    const sends = t.fake.state.callsTo('/cgi-bin/message/send').map((c) => c.body as Record<string, unknown>);
    expect(sends).toHaveLength(2); // the refused one and the retry, both naming the one upload
    for (const b of sends) expect(b).toMatchObject({ msgtype: 'image', image: { media_id: dm.mediaId } });
    const dmItem = images((i) => i.channel === 'dm')[0];
    expect(dmItem.image).toEqual({ media_id: dm.mediaId, md5: md5(png), bytes: png.length });
    const chatItem = images((i) => i.channel === 'chat')[0];
    expect(chatItem.to).toBe('lead01');
    expect(chatItem.image?.md5).toBe(md5(png));
    expect(t.fake.state.callsTo('/cgi-bin/appchat/send')).toHaveLength(1);
  });
});

describe('sandbox page (D190)', () => {
  it('D190 the sandbox shows a robot image and an app-chat image as the pictures themselves', async () => {
    const config = loadConfig({ PORT: '0', DATABASE_URL: await freshDatabaseUrl(), LOG_LEVEL: 'silent', SANDBOX: '1' });
    const clock = new FixedClock(new Date('2026-03-02T10:00:00+08:00'));
    const bot = await createBot({ config, clock, log: pino({ level: 'silent' }), autoStart: false });
    try {
      const { png } = await renderChart(scoreTrendSpec('得分', points));
      const path = join(mkdtempSync(join(tmpdir(), 'chart-')), 'chart.png');
      writeFileSync(path, png);
      await bot.deps.db.tx(async (m) => {
        for (const group of ['G-DEPT-GA', 'G-LEAD'])
          await enqueue(m, clock.now(), `img-${group}`, { group }, { image: { path, filename: 'c.png' } });
      });
      while ((await bot.sender.drain()) > 0);
      const feed = (await (await fetch(`${bot.url}/sandbox/api/messages`)).json()) as { items: FeedItem[] };
      const shown = feed.items.filter((i) => i.msgtype === 'image');
      expect(shown.map((i) => i.channel).sort()).toEqual(['chat', 'robot']);
      for (const item of shown) {
        const res = await fetch(`${bot.url}/sandbox/api/image/${item.id}`);
        expect(res.headers.get('content-type')).toBe('image/png');
        expect(md5(Buffer.from(await res.arrayBuffer()))).toBe(md5(png));
      }
      expect((await fetch(`${bot.url}/sandbox/api/image/99999`)).status).toBe(404);
      expect(await (await fetch(`${bot.url}/sandbox`)).text()).toContain('/sandbox/api/image/');
    } finally {
      await bot.close();
    }
  });
});

describe('monthly and annual charts (D190, D193)', () => {
  async function seedScores(): Promise<void> {
    const m = t!.bot.deps.db.manager;
    for (const [month, scoreTenths, band] of SCORES)
      await m.insert(ProviderScore, {
        month,
        scoreTenths,
        band,
        deductionPercent: band === '不达标' ? 10 : band === '优秀' ? 0 : 5,
        feeFen: null,
        items: null,
        status: '正常',
        disputeReason: null,
        decidedBy: null,
        enteredBy: 'zhao',
        enteredAt: new Date('2026-01-01T00:00:00Z'),
      });
  }

  const chatImages = (chatid: string) =>
    t!.fake.state.feedLog.all().filter((i) => i.msgtype === 'image' && i.channel === 'chat' && i.to === chatid);

  it('PRF-01 REV-06 CAS-19 monthly-batch sends score trend, 满意度 and 超期率 by department to G-OFFICE and G-LEAD, once', async () => {
    t = await startTestBot({ now: '2026-04-01T08:00:00+08:00' });
    await seedScores();
    const m = t.bot.deps.db.manager;
    for (const [i, level] of ['满意', '非常满意', '不满意'].entries())
      await m.insert(Rating, {
        ratingKey: `k${i}`,
        ratedAt: new Date('2026-03-10T02:00:00Z'),
        ratedDate: '2026-03-10',
        caseRef: null,
        itemName: null,
        departmentCode: 'GA',
        windowNumber: null,
        staffUserid: null,
        staffName: null,
        level,
        channel: null,
        comment: null,
        reviewNo: null,
        importedBy: 'zhao',
        importedAt: new Date('2026-04-01T00:00:00Z'),
      });
    // CAS-19: three GA cases finished in March, one after its due day.
    for (const [i, due, finished] of [
      [1, '2026-03-20', '2026-03-10T02:00:00Z'],
      [2, '2026-03-20', '2026-03-19T02:00:00Z'],
      [3, '2026-03-05', '2026-03-12T02:00:00Z'],
    ] as const)
      await m.insert(ServiceCase, {
        no: `AJ2026-GA-00${i}`,
        itemId: 1,
        itemCode: 'X1',
        itemName: '户籍迁入',
        departmentCode: 'GA',
        type: '承诺',
        mode: '普通',
        limitWd: 5,
        applicant: '申请人',
        firstResponder: 'lisi',
        status: '办结',
        receivedAt: new Date('2026-03-02T02:00:00Z'),
        acceptedAt: new Date('2026-03-02T02:00:00Z'),
        dueDate: due,
        finishedAt: new Date(finished),
        supplements: [],
        extensions: 0,
        closedOverdue: false,
        source: 'bot',
        version: 1,
        createdAt: new Date('2026-03-02T02:00:00Z'),
        updatedAt: new Date('2026-03-02T02:00:00Z'),
        updatedBy: 'lisi',
      });
    const day = firstWorkday(t.bot.deps.calendar, '2026-04');
    const outcome = await t.runJob('monthly-batch', `${day}T09:00:00+08:00`);
    expect(outcome).toMatchObject({ status: 'ok', counts: { charts: 3 } });
    for (const chat of ['office01', 'lead01']) {
      const items = chatImages(chat);
      expect(items).toHaveLength(3);
      for (const i of items) expect(i.image!.bytes).toBeGreaterThan(5_000);
    }
    const files = (await m.find(OutboxRow, { where: { msgType: 'image' } })).map(
      (r) => (r.body.image as { filename: string }).filename,
    );
    expect(new Set(files)).toEqual(
      new Set([
        '综窗服务商考核得分（截至2026年3月）.png',
        '2026年3月各部门满意度.png',
        '2026年3月各部门办件超期率.png',
      ]),
    );
    // The chart draws the figure section 六 prints (D114): GA 1 of 3 late.
    const office = (await t.groupTexts('G-OFFICE')).find((x) => x.startsWith('【月度汇总】'))!;
    expect(office).toContain('GA 33.3%（办结 3 件，超期 1 件）');
    await t.runJob('monthly-batch', `${day}T09:00:00+08:00`, { force: true });
    expect(chatImages('lead01')).toHaveLength(3); // same period, same keys: nothing sent twice
  });

  it('D191 without the font monthly-batch still sends its summary, and the run fails with the font error', async () => {
    t = await startTestBot({ now: '2026-04-01T08:00:00+08:00' });
    await seedScores();
    (t.bot.deps.config as { chartFont: string }).chartFont = '/nonexistent/NotoSansCJK-Regular.ttc';
    const day = firstWorkday(t.bot.deps.calendar, '2026-04');
    const outcome = await t.runJob('monthly-batch', `${day}T09:00:00+08:00`);
    expect(outcome.status).toBe('failed');
    expect(JSON.stringify(outcome)).toContain('fonts-noto-cjk');
    expect((await t.groupTexts('G-OFFICE')).some((x) => x.startsWith('【月度汇总】3月'))).toBe(true);
    expect(t.fake.state.feedLog.all().filter((i) => i.msgtype === 'image')).toHaveLength(0);
  });

  it('PRF-05 annual-batch sends the year’s scores with their mean to the 考核小组 and G-LEAD', async () => {
    t = await startTestBot({ now: '2026-01-01T08:00:00+08:00' });
    await seedScores();
    const day = firstWorkday(t.bot.deps.calendar, '2026-01');
    const outcome = await t.runJob('annual-batch', `${day}T09:00:00+08:00`);
    expect(outcome).toMatchObject({ status: 'ok', counts: { charts: 1 } });
    expect(chatImages('lead01')).toHaveLength(1);
    const dm = t.dms('zhao').filter((i) => i.msgtype === 'image');
    expect(dm).toHaveLength(1);
    const row = await t.bot.deps.db.manager.findOneByOrFail(OutboxRow, { msgType: 'image', targetKind: 'user' });
    const png = readFileSync((row.body.image as { path: string }).path);
    expect(dm[0].image!.md5).toBe(md5(png));
    expect((row.body.image as { filename: string }).filename).toBe('2025年综窗服务商考核得分（3个月）.png');
  });

  it('PRF-15 PRF-16 annual-batch also charts the year’s grades and granted awards (D194)', async () => {
    t = await startTestBot({ now: '2026-01-01T08:00:00+08:00' });
    await t.say('zhao', '年度 等次 李四 优秀 年度=2025');
    await t.say('zhao', '年度 等次 张三 称职 年度=2025');
    const day = firstWorkday(t.bot.deps.calendar, '2026-01');
    expect(await t.runJob('annual-batch', `${day}T09:00:00+08:00`)).toMatchObject({ counts: { charts: 1 } });
    const row = await t.bot.deps.db.manager.findOneByOrFail(OutboxRow, { msgType: 'image', targetKind: 'user' });
    expect((row.body.image as { filename: string }).filename).toBe('2025年度等次与评优（2人定等，0项授予）.png');
    const png = readFileSync((row.body.image as { path: string }).path);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(chatImages('lead01')).toHaveLength(1);
  });

  it('PRF-05 a year without scores sends no chart', async () => {
    t = await startTestBot({ now: '2026-01-01T08:00:00+08:00' });
    const day = firstWorkday(t.bot.deps.calendar, '2026-01');
    expect(await t.runJob('annual-batch', `${day}T09:00:00+08:00`)).toMatchObject({ counts: { charts: 0 } });
    expect(t.fake.state.feedLog.all().filter((i) => i.msgtype === 'image')).toHaveLength(0);
  });
});
