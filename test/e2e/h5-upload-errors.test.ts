import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Attachment } from '../../entities/attachment';
import { LostItem } from '../../entities/lost-item';
import { StaffRecord } from '../../entities/staff-record';
import { launchChromium } from '../helpers/browser';
import { startTestBot, type TestBot } from '../helpers/bot';
import { afterOauth, lastLinkTo } from '../helpers/h5';
import { sha256, smallPng } from '../helpers/upload';

// D220 (files uploaded on the form page, into the record's attachment slot) and D221 (a refusal about one field is
// shown beside it, every typed value kept), driven in headless Chromium as a phone would.

describe('H5 uploads and field errors in headless Chromium', () => {
  let t: TestBot;
  let browser: Browser;
  beforeAll(async () => {
    t = await startTestBot({ now: '2025-03-10T10:00:00+08:00' });
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  async function open(userid: string, title: string): Promise<Page> {
    await t.say(userid, `表单 ${title}`);
    const page = await browser.newPage();
    await page.goto(afterOauth(t, lastLinkTo(t, userid), userid).toString());
    return page;
  }

  async function fillLost(page: Page, name: string): Promise<void> {
    await page.fill('input[name="名称"]', name);
    await page.fill('input[name="数量"]', '1');
    await page.fill('textarea[name="特征"]', '黑色双肩包，内有课本');
    await page.fill('input[name="时间"]', '今天 9:30');
    await page.fill('input[name="地点"]', '二楼等候区');
    await page.selectOption('select[name="类别"]', '一般');
  }

  /** The refusal shown under field `key`, tied to its input by aria-describedby. */
  async function errorBeside(page: Page, key: string): Promise<string> {
    const described = await page.getAttribute(`[name="${key}"]`, 'aria-describedby');
    expect(described?.split(' ')).toContain(`err-${key}`);
    expect(await page.getAttribute(`[name="${key}"]`, 'aria-invalid')).toBe('true');
    return (await page.textContent(`p.field-error[id="err-${key}"]`)) ?? '';
  }

  it('LST-02 a PNG chosen on the 遗失物品登记表 lands on the new record under its sha256 (row, file, chat line)', async () => {
    const page = await open('xiaogao', '市民遗失物品登记表');
    await fillLost(page, '双肩包');
    const png = smallPng(42);
    await page.setInputFiles('input[name="照片"]', { name: 'bag.png', mimeType: 'image/png', buffer: png });
    await page.click('button[type="submit"]');
    await expect.poll(() => page.textContent('.result')).toMatch(/已收到物品照片（SW2025-\d+，共1份）/);
    const item = await t.bot.deps.db.manager.findOneByOrFail(LostItem, { name: '双肩包' });
    const rows = await t.bot.deps.db.manager.findBy(Attachment, { ownerType: 'lost_item', ownerId: item.no });
    expect(rows).toMatchObject([
      { purpose: '物品照片', sha256: sha256(png), mediaType: 'image/png', size: png.length },
    ]);
    expect((await readFile(join(t.bot.deps.config.attachmentDir, sha256(png)))).equals(png)).toBe(true);
    await t.settle();
    expect(t.textsTo('xiaogao').join('\n')).toContain(`已收到物品照片（${item.no}，共1份）`);
    await page.close();
  }, 60_000);

  it('D220 a file above 20 MB and a forbidden type are refused beside the file field, the typed values kept', async () => {
    const page = await open('xiaogao', '市民遗失物品登记表');
    await fillLost(page, '保温杯');
    await page.fill('textarea[name="失主"]', '杯底贴纸：王某 139');
    const before = await t.bot.deps.db.manager.count(LostItem);
    // a real PNG start, padded past the limit
    const big = Buffer.concat([smallPng(1), Buffer.alloc(21 * 1024 * 1024, 0)]);
    await page.setInputFiles('input[name="照片"]', { name: 'huge.png', mimeType: 'image/png', buffer: big });
    await page.click('button[type="submit"]');
    await expect.poll(() => errorBeside(page, '照片')).toContain('超过 20 MB 上限');
    expect(await page.inputValue('input[name="名称"]')).toBe('保温杯');
    expect(await page.inputValue('textarea[name="特征"]')).toBe('黑色双肩包，内有课本');
    expect(await page.inputValue('input[name="时间"]')).toBe('今天 9:30');
    expect(await page.inputValue('textarea[name="失主"]')).toBe('杯底贴纸：王某 139');
    expect(await page.inputValue('select[name="类别"]')).toBe('一般');

    // a PDF is a document, not a photo: this field names what it takes
    const pdf = Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n');
    await page.setInputFiles('input[name="照片"]', { name: 'scan.pdf', mimeType: 'application/pdf', buffer: pdf });
    await page.click('button[type="submit"]');
    await expect.poll(() => errorBeside(page, '照片')).toContain('只接受 JPG、PNG');
    expect(await page.inputValue('input[name="地点"]')).toBe('二楼等候区');
    expect(await page.inputValue('textarea[name="失主"]')).toBe('杯底贴纸：王某 139');
    expect(await t.bot.deps.db.manager.count(LostItem)).toBe(before);

    // chosen again (a browser never refills a file input), a photo goes through from the same page
    await page.setInputFiles('input[name="照片"]', { name: 'cup.png', mimeType: 'image/png', buffer: smallPng(9) });
    await page.click('button[type="submit"]');
    await expect.poll(() => page.textContent('.result')).toContain('已收到物品照片');
    expect(await t.bot.deps.db.manager.count(LostItem)).toBe(before + 1);
    await page.close();
  }, 90_000);

  it('STF-02 / D221 入岗审批表: a bad date, then a rule refusal, then a wrong window — each beside its field, values kept', async () => {
    const page = await open('wangwu', '进驻人员入岗审批表');
    await page.fill('input[name="姓名"]', '张某');
    await page.selectOption('select[name="性别"]', '女');
    await page.fill('input[name="窗口"]', '12');
    await page.fill('textarea[name="服务事项"]', '户籍迁移');
    await page.fill('input[name="入岗"]', '下下个月');
    await page.click('button[type="submit"]');
    await expect.poll(() => errorBeside(page, '入岗')).toContain('入岗=下下个月');
    expect(await page.textContent('p.error[role="alert"]')).toContain('请按各栏下方的提示修改');
    expect(await page.inputValue('input[name="姓名"]')).toBe('张某');
    expect(await page.inputValue('select[name="性别"]')).toBe('女');
    expect(await page.inputValue('textarea[name="服务事项"]')).toBe('户籍迁移');

    // STF-02: five working days before — 03-12 is too soon on Monday 03-10
    await page.fill('input[name="入岗"]', '2025-03-12');
    await page.click('button[type="submit"]');
    await expect.poll(() => errorBeside(page, '入岗')).toContain('rule STF-02');
    expect(await page.$('p.field-error[id="err-窗口"]')).toBeNull();
    expect(await page.inputValue('input[name="入岗"]')).toBe('2025-03-12');

    await page.fill('input[name="入岗"]', '2025-03-17');
    await page.fill('input[name="窗口"]', '99');
    await page.click('button[type="submit"]');
    await expect.poll(() => errorBeside(page, '窗口')).toContain('99');
    expect(await page.$('p.field-error[id="err-入岗"]')).toBeNull();
    expect(await t.bot.deps.db.manager.count(StaffRecord)).toBe(0);

    // STF-03: the 岗前培训材料 uploaded with the page submits the draft, as the photo sent in chat does
    await page.fill('input[name="窗口"]', '12');
    const proof = smallPng(77);
    await page.setInputFiles('input[name="培训材料"]', { name: 'training.png', mimeType: 'image/png', buffer: proof });
    await page.click('button[type="submit"]');
    await expect.poll(() => page.textContent('.result')).toMatch(/RG2025-GA-001 已提交/);
    const rec = await t.bot.deps.db.manager.findOneByOrFail(StaffRecord, { no: 'RG2025-GA-001' });
    expect(rec.status).toBe('pending');
    expect(
      await t.bot.deps.db.manager.findBy(Attachment, { ownerType: 'staff_record', ownerId: rec.no }),
    ).toMatchObject([{ purpose: '岗前培训材料', sha256: sha256(proof) }]);
    await page.close();
  }, 90_000);
});
