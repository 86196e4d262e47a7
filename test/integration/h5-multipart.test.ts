import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Attachment } from '../../entities/attachment';
import { AuditLog } from '../../entities/audit-log';
import { Complaint } from '../../entities/complaint';
import { LostItem } from '../../entities/lost-item';
import { type TestBot, startTestBot } from '../helpers/bot';
import { lastLinkTo, openForm, type OpenedForm } from '../helpers/h5';
import { sha256, smallPng } from '../helpers/upload';

// D220: a form page with a file field posts multipart/form-data; the files land in the attachment slot the
// command opened, with the chat slot's limits and sniffing. Hostile bodies end in a 4xx, never a crash.

const ITEM = { 名称: '雨伞', 数量: '1', 特征: '蓝色长柄', 时间: '今天 9:30', 地点: '东门入口' };

describe('H5 multipart upload route (D220)', () => {
  let t: TestBot;
  beforeAll(async () => {
    t = await startTestBot({ now: '2026-03-03T10:00:00+08:00' });
  });
  afterAll(async () => t.close());

  async function lostForm(): Promise<OpenedForm> {
    await t.say('xiaogao', '表单 市民遗失物品登记表');
    return openForm(t, lastLinkTo(t, 'xiaogao'), 'xiaogao');
  }

  function post(form: OpenedForm, fields: Record<string, string>, files: [string, Blob, string][] = []) {
    const body = new FormData();
    for (const [k, v] of Object.entries({ ...form.hidden, ...fields })) body.append(k, v);
    for (const [k, blob, name] of files) body.append(k, blob, name);
    return fetch(form.url, { method: 'POST', body });
  }

  const items = () => t.bot.deps.db.manager.count(LostItem);

  it('LST-02 the page posts multipart and the PNG lands on the new record: attachment row, sha256 file, audit', async () => {
    const form = await lostForm();
    expect(form.html).toContain('enctype="multipart/form-data"');
    expect(form.html).toMatch(/<input type="file" id="f_照片" name="照片" multiple accept="image\/jpeg,image\/png"/);
    const png = smallPng(7);
    const res = await post(form, ITEM, [['照片', new Blob([png], { type: 'image/png' }), 'umbrella.png']]);
    const html = await res.text();
    expect(html.match(/class="(?:field-)?error"[^>]*>[^<]*/g)).toBeNull();
    expect(res.status).toBe(200);
    const item = await t.bot.deps.db.manager.findOneByOrFail(LostItem, { name: '雨伞' });
    expect(html).toContain(`已收到物品照片（${item.no}，共1份）`);
    const rows = await t.bot.deps.db.manager.findBy(Attachment, { ownerType: 'lost_item', ownerId: item.no });
    expect(rows).toMatchObject([
      { purpose: '物品照片', sha256: sha256(png), mediaType: 'image/png', size: png.length, uploadedBy: 'xiaogao' },
    ]);
    expect((await readFile(join(t.bot.deps.config.attachmentDir, sha256(png)))).equals(png)).toBe(true);
    const audit = await t.bot.deps.db.manager.findBy(AuditLog, { action: 'attachment.add', subjectId: item.no });
    expect(audit).toHaveLength(1);
  });

  it('two photos chosen at once both land on the record, each under its own sha256', async () => {
    const [a, b] = [smallPng(11), smallPng(12)];
    const res = await post(await lostForm(), { ...ITEM, 名称: '手套' }, [
      ['照片', new Blob([a], { type: 'image/png' }), 'left.png'],
      ['照片', new Blob([b], { type: 'image/png' }), 'right.png'],
    ]);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('共2份');
    const item = await t.bot.deps.db.manager.findOneByOrFail(LostItem, { name: '手套' });
    const rows = await t.bot.deps.db.manager.find(Attachment, { where: { ownerId: item.no }, order: { id: 'ASC' } });
    expect(rows.map((r) => r.sha256)).toEqual([sha256(a), sha256(b)]);
  });

  it('a file input left empty sends an empty part: the record is filed without an attachment', async () => {
    const form = await lostForm();
    const before = await items();
    const res = await post(form, { ...ITEM, 名称: '水杯' }, [
      ['照片', new Blob([], { type: 'application/octet-stream' }), ''],
    ]);
    expect(res.status).toBe(200);
    expect(await items()).toBe(before + 1);
    const cup = await t.bot.deps.db.manager.findOneByOrFail(LostItem, { name: '水杯' });
    expect(await t.bot.deps.db.manager.countBy(Attachment, { ownerId: cup.no })).toBe(0);
  });

  it('an executable renamed .png is refused by its bytes and nothing is filed', async () => {
    const form = await lostForm();
    const before = await items();
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 1)]);
    const res = await post(form, ITEM, [['照片', new Blob([exe], { type: 'image/png' }), 'photo.png']]);
    expect(res.status).toBe(422);
    expect(await res.text()).toContain('只接受 JPG、PNG');
    expect(await items()).toBe(before);
  });

  it('CMP-03 / D224 a 重大 complaint takes its 书面投诉材料 (a PDF) from the page; a 一般 one refuses files and files nothing', async () => {
    const COMPLAINT = { 方式: '窗口', 部门: 'GA', 窗口: '13号窗', 事项: '材料清单与网上不一致', 类别: '服务质量' };
    const pdf = Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n');
    const file: [string, Blob, string] = ['书面材料', new Blob([pdf], { type: 'application/pdf' }), '投诉信.pdf'];
    const complaintForm = async () => {
      await t.say('zhao', '表单 投诉登记表');
      return openForm(t, lastLinkTo(t, 'zhao'), 'zhao');
    };
    const before = await t.bot.deps.db.manager.count(Complaint);
    const plain = await post(await complaintForm(), COMPLAINT, [file]);
    expect(plain.status).toBe(422);
    const html = await plain.text();
    expect(html).toMatch(/<p class="field-error" id="err-书面材料"[^>]*>本次提交不需要上传材料/);
    expect(html).toContain('value="13号窗"');
    expect(await t.bot.deps.db.manager.count(Complaint)).toBe(before);

    const major = await post(await complaintForm(), { ...COMPLAINT, 性质: '重大' }, [file]);
    expect(major.status).toBe(200);
    const c = await t.bot.deps.db.manager.findOneOrFail(Complaint, { where: {}, order: { id: 'DESC' } });
    expect(await t.bot.deps.db.manager.findBy(Attachment, { ownerType: 'complaint', ownerId: c.no })).toMatchObject([
      { purpose: '书面投诉材料', sha256: sha256(pdf), mediaType: 'application/pdf' },
    ]);
  });

  it('hostile bodies: no boundary, a broken body, a huge text part, a body above every limit → 4xx; the bot still serves', async () => {
    const form = await lostForm();
    const before = await items();
    const raw = (contentType: string, body: string) =>
      fetch(form.url, { method: 'POST', headers: { 'content-type': contentType }, body });
    expect((await raw('multipart/form-data', 'x')).status).toBe(400);
    expect((await raw('multipart/form-data; boundary=', 'x')).status).toBe(400);
    const broken = `--B\r\nContent-Disposition: form-data; name="名称"\r\n\r\n雨伞`; // never closed
    expect((await raw('multipart/form-data; boundary=B', broken)).status).toBe(400);
    const huge = `--B\r\nContent-Disposition: form-data; name="特征"\r\n\r\n${'长'.repeat(40_000)}\r\n--B--\r\n`;
    expect((await raw('multipart/form-data; boundary=B', huge)).status).toBe(413);
    // a file before any proof of who sends it is not even read (D222): 401
    const anon = new FormData();
    anon.append('名称', '雨伞');
    anon.append('照片', new Blob([smallPng(3)], { type: 'image/png' }), 'a.png');
    expect((await fetch(form.url, { method: 'POST', body: anon })).status).toBe(401);
    const forged = new FormData();
    forged.append('s', `${form.hidden.s.slice(0, -2)}xx`);
    forged.append('照片', new Blob([smallPng(3)], { type: 'image/png' }), 'a.png');
    expect((await fetch(form.url, { method: 'POST', body: forged })).status).toBe(401);
    // ~70 MB streamed in one file part: more than any page may send (3 files × 20 MB); 413, nothing kept
    const mb = Buffer.alloc(1 << 20, 0x41);
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(c) {
        // with a valid session first: this is about size, not identity
        if (sent === 0)
          c.enqueue(
            Buffer.from(
              `--B\r\nContent-Disposition: form-data; name="s"\r\n\r\n${form.hidden.s}\r\n` +
                `--B\r\nContent-Disposition: form-data; name="照片"; filename="a.png"\r\n\r\n`,
            ),
          );
        if (sent++ < 70) c.enqueue(mb);
        else c.close();
      },
    });
    const big = await fetch(form.url, {
      method: 'POST',
      headers: { 'content-type': 'multipart/form-data; boundary=B' },
      body: stream,
      duplex: 'half',
    });
    expect(big.status).toBe(413);
    expect(await items()).toBe(before);
    expect((await lostForm()).status).toBe(200); // the server is still there
  }, 60_000);
});
