import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../helpers/browser';
import { startTestBot, type TestBot } from '../helpers/bot';

// docs/commands.md / architecture "HTTP": an H5 form opened from a chat link with WeCom OAuth identity (snsapi_base
// code → userid, exchanged with the fake WeCom), submitted in headless Chromium, running the same command as chat.
describe('H5 投诉登记表 in headless Chromium', () => {
  let t: TestBot;
  let browser: Browser;
  beforeAll(async () => {
    t = await startTestBot({ now: '2026-03-03T09:55:00+08:00' });
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  /** What WeCom does with the OAuth link: redirect to redirect_uri with a fresh single-use code. */
  function afterOauth(link: string, userid: string): string {
    const oauth = new URL(link.replace('#wechat_redirect', ''));
    expect(oauth.origin).toBe('https://open.weixin.qq.com');
    expect(oauth.searchParams.get('scope')).toBe('snsapi_base');
    const target = new URL(oauth.searchParams.get('redirect_uri')!);
    target.host = new URL(t.bot.url).host; // the test server listens on 127.0.0.1
    target.searchParams.set('code', t.fake.state.mintOauthCode(userid));
    target.searchParams.set('state', oauth.searchParams.get('state')!);
    return target.toString();
  }

  it('CMP-02 hall_office registers a complaint through the form; the chat gets the same reply; a resubmit files nothing', async () => {
    await t.say('zhao', '表单 投诉登记表');
    const link = /https:\/\/\S+/.exec(t.lastTextTo('zhao'))![0];
    const page = await browser.newPage();
    await page.goto(afterOauth(link, 'zhao'));
    await expect.poll(() => page.textContent('h1')).toBe('投诉登记表');
    expect(await page.textContent('.banner')).toContain('请勿填写涉密');
    await page.selectOption('select[name="方式"]', '导服转交');
    await page.fill('input[name="部门"]', 'GA');
    await page.fill('input[name="窗口"]', '12号窗');
    await page.fill('textarea[name="事项"]', '态度生硬，未一次性告知材料');
    await page.selectOption('select[name="类别"]', '服务态度');
    await page.fill('input[name="姓名"]', '王某');
    await page.fill('input[name="电话"]', '13912345678');
    await page.selectOption('select[name="保密"]', '是');
    // (a string expression: the type check runs without the DOM library)
    const formData = await page.evaluate<Record<string, string>>(
      'Object.fromEntries(new FormData(document.querySelector("form")))',
    );
    const formUrl = page.url();
    await page.click('button[type="submit"]');
    await expect.poll(() => page.textContent('.result')).toMatch(/✅ TS2026-0001 已登记/);
    await t.settle();
    expect(t.textsTo('zhao').join('\n')).toMatch(/✅ TS2026-0001 已登记/);
    // a resubmit of the same rendered form (double tap, reload) files nothing twice
    const again = await fetch(formUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(formData),
    });
    expect(again.status).toBe(422);
    expect(await again.text()).toContain('已提交过');
    await page.close();
  }, 60_000);

  it('a link without a valid identity is refused with 401 and a Chinese explanation', async () => {
    const page = await browser.newPage();
    const res = await page.goto(`${t.bot.url}/h5/forms/complaint?code=bogus`);
    expect(res?.status()).toBe(401);
    expect(await page.textContent('h1')).toBe('无法确认身份');
    await page.close();
  });

  it('staff without the command’s role cannot use the form', async () => {
    await t.say('lisi', '表单 投诉登记表');
    expect(t.lastTextTo('lisi')).toContain('你没有权限填写“投诉登记表”');
  });
});
