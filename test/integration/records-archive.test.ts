import { existsSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterEach, describe, expect, it } from 'vitest';
import { Notice } from '../../entities/notice';
import { firstWorkday } from '../../src/domain/briefings/schedule';
import { OutboxRow } from '../../entities/outbox';
import { runArchiveCli } from '../../src/cli-archive';
import type { Manifest } from '../../src/domain/records/archive';
import { startTestBot, type TestBot } from '../helpers/bot';
import { MEASURES, staffOnTrip } from '../helpers/windows';
import { register } from './complaints-helpers';

// 归档 年度 (REC-04, REC-10, D205–D208): one zip per year with ledgers, numbered notices, filed forms and a
// manifest; a re-run gives the same manifest; records stay in the database.

let t: TestBot;
afterEach(async () => t?.close());

const sha = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');

/** The last archive file sent to G-OFFICE: its zip, manifest text and parsed manifest. */
async function lastArchive(): Promise<{ zip: JSZip; text: string; manifest: Manifest; filename: string }> {
  const rows = await t.bot.deps.db.manager.find(OutboxRow, { where: { msgType: 'file' }, order: { id: 'ASC' } });
  const file = rows.at(-1)!.body.file as { path: string; filename: string };
  const zip = await JSZip.loadAsync(await readFile(file.path));
  const text = await zip.file('manifest.json')!.async('string');
  return { zip, text, manifest: JSON.parse(text) as Manifest, filename: file.filename };
}

async function notice(year: number, seq: number): Promise<void> {
  const at = new Date(`${year}-03-02T10:00:00+08:00`);
  await t.bot.deps.db.manager.save(Notice, {
    periodKey: `书面:${year}-02`,
    no: `督通〔${year}〕${seq}号`,
    year,
    seq,
    type: '书面',
    title: `${year}年2月督查情况通报`,
    forDate: `${year}-03-02`,
    month: `${year}-02`,
    coversFrom: null,
    coversTo: null,
    departmentCode: null,
    status: '已发布',
    approvalNo: null,
    content: {},
    text: '一、总体情况\n各窗口运行平稳。',
    criticism: 0,
    praise: 0,
    drafter: 'zhao',
    approver: 'chen',
    approvedAt: at,
    publishedAt: at,
    scope: 'G-LEAD',
    createdAt: at,
  });
}

describe('归档 年度 (REC-04, REC-10)', () => {
  it('REC-04 a year with a closure, a complaint and a notice: the manifest counts them, sums every file, and a re-run gives the same manifest', async () => {
    t = await startTestBot({ now: '2026-03-03T09:00:00+08:00' });
    await staffOnTrip(t, ['13'], '3月5日', '3月6日'); // the closure's WIN-03 ground (D212)
    await t.say(
      'zhangsan',
      `窗口 关闭 13号窗 从=3月5日 到=3月6日 事由=张三参加市局业务培训 证明=乌审旗人社局培训通知 ${MEASURES}`,
    );
    const ts = await register(t);
    await notice(2026, 1);
    await notice(2025, 9); // another year: not in 2026's archive
    // D207: a closed year's archive, made in the next January, twice.
    t.setNow('2027-01-06T10:00:00+08:00');
    await t.say('zhao', '归档 年度 2026');
    expect(t.lastTextTo('zhao')).toContain('编号通报 1 份；表单 2 份（GB 1、TS 1）');
    const first = await lastArchive();
    expect(first.filename).toBe('2026年度归档.zip');
    const c = first.manifest.counts;
    expect(c.notices).toBe(1);
    expect(c.noticesByType).toEqual({ 书面: 1 });
    expect(c.forms).toBe(2);
    expect(c.formsByKind).toEqual({ GB: 1, TS: 1 });
    expect(c.ledgers).toBe(t.bot.deps.tables.ledgers.length);
    expect(c.ledgerRows['投诉台账']).toBeGreaterThanOrEqual(1);
    expect(c.files).toBe(first.manifest.files.length);
    const paths = Object.keys(first.zip.files).filter((p) => !first.zip.files[p].dir);
    expect(paths.sort()).toEqual(['manifest.json', ...first.manifest.files.map((f) => f.path)].sort());
    expect(paths).toContain(`表单/TS/${ts}.docx`);
    expect(paths).toContain('表单/GB/GB2026-GA-001.docx');
    const noticeDoc = first.zip.file('通报/督通〔2026〕1号_书面.docx')!;
    const noticeXml = await (
      await JSZip.loadAsync(await noticeDoc.async('nodebuffer'))
    )
      .file('word/document.xml')!
      .async('string');
    expect(noticeXml).toContain('督通〔2026〕1号');
    expect(noticeXml).toContain('各窗口运行平稳。');
    for (const f of first.manifest.files) expect(sha(await first.zip.file(f.path)!.async('nodebuffer'))).toBe(f.sha256);

    // A second run, a day later, writes the same manifest; the records are still there.
    t.setNow('2027-01-07T15:00:00+08:00');
    await t.say('zhao', '归档 年度 2026');
    const second = await lastArchive();
    const changed = second.manifest.files
      .filter((f, i) => f.sha256 !== first.manifest.files[i]?.sha256)
      .map((f) => f.path);
    expect(changed).toEqual([]);
    expect(sha(second.text)).toBe(sha(first.text));
    expect(t.lastTextTo('zhao')).toContain(`清单 sha256：${sha(first.text).slice(0, 16)}`);
    await t.say('zhao', `记录 历史 ${ts}`);
    expect(t.lastTextTo('zhao')).toContain(ts);
    expect(await t.groupTexts('G-OFFICE')).toEqual(expect.arrayContaining([expect.stringContaining('🗄 2026年度归档')]));
  });

  it('REC-10 a year with no records says so and writes nothing (D208); a year not yet begun is refused', async () => {
    t = await startTestBot({ now: '2026-03-03T09:00:00+08:00' });
    await t.say('zhao', '归档 年度 2024');
    expect(t.lastTextTo('zhao')).toBe('🗄 2024年没有任何记录，未生成归档文件（rule REC-10）。');
    expect(await t.bot.deps.db.manager.count(OutboxRow, { where: { msgType: 'file' } })).toBe(0);
    expect(existsSync(join(t.bot.deps.config.attachmentDir, 'archive', '2024.zip'))).toBe(false);
    await t.say('zhao', '归档 年度 2027');
    expect(t.lastTextTo('zhao')).toContain('2027年尚未开始');
    await t.say('zhangsan', '归档 年度 2026');
    expect(t.lastTextTo('zhangsan')).not.toContain('🗄');
  });

  it('REC-10 the January annual-batch archives the year just ended to 大厅管理室', async () => {
    t = await startTestBot({ now: '2025-12-15T09:00:00+08:00' });
    await register(t);
    const day = firstWorkday(t.bot.deps.calendar, '2026-01');
    const outcome = await t.runJob('annual-batch', `${day}T09:05:00+08:00`);
    expect(outcome).toMatchObject({ counts: { 'records-archive': expect.any(Number) as number } });
    const { manifest, filename } = await lastArchive();
    expect(filename).toBe('2025年度归档.zip');
    expect(manifest.year).toBe(2025);
    expect(manifest.counts.formsByKind).toEqual({ TS: 1 });
  });

  it('REC-10 the CLI writes the same archive the chat command sends, and refuses a bad year', async () => {
    t = await startTestBot({ now: '2026-03-03T09:00:00+08:00' });
    await register(t);
    await t.say('zhao', '归档 年度 2026');
    const chat = await lastArchive();
    expect(await runArchiveCli(['2026'], t.bot.deps)).toBe(0);
    const zip = await JSZip.loadAsync(await readFile(join(t.bot.deps.config.attachmentDir, 'archive', '2026.zip')));
    const cli = JSON.parse(await zip.file('manifest.json')!.async('string')) as Manifest;
    expect(cli.counts.formsByKind).toEqual(chat.manifest.counts.formsByKind);
    expect(cli.counts.forms).toBe(1);
    expect(await runArchiveCli(['26'], t.bot.deps)).toBe(2);
    expect(await runArchiveCli(['2030'], t.bot.deps)).toBe(2);
  });
});
