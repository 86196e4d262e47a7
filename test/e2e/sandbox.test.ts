import pino from 'pino';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBot, type Bot } from '../../src/app';
import { loadConfig } from '../../src/config';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchChromium } from '../helpers/browser';

// a newcomer opens /sandbox, picks a person, types 帮助 and sees the reply —
// through the real encrypted callback path, the dispatcher, the outbox and the mounted fake WeCom.
describe('sandbox page in headless Chromium', () => {
  let bot: Bot;
  let browser: Browser;
  beforeAll(async () => {
    // D35: the sandbox runs on an embedded SQLite database it creates itself (never on the CI MariaDB).
    const DATABASE_URL = `sqlite:${join(mkdtempSync(join(tmpdir(), 'hall-sandbox-')), 'hall.sqlite')}`;
    const config = loadConfig({ PORT: '0', DATABASE_URL, LOG_LEVEL: 'silent' });
    expect(config.mode).toBe('sandbox');
    bot = await createBot({ config, log: pino({ level: 'silent' }), autoStart: true });
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await bot?.close();
  });

  it('type 帮助 as a demo user and see the reply', async () => {
    const page = await browser.newPage();
    await page.goto(`${bot.url}/sandbox`);
    await page.waitForSelector('#who option[value="lisi"]', { state: 'attached' });
    await page.selectOption('#who', 'lisi');
    await page.fill('#text', '帮助');
    await page.click('#send button');
    await expect.poll(async () => page.textContent('#log'), { timeout: 15_000 }).toContain('你可以使用的命令');
    await page.fill('#text', '我是谁');
    await page.click('#send button');
    await expect.poll(async () => page.textContent('#log'), { timeout: 15_000 }).toContain('李四（lisi）');
    await page.screenshot({ path: `${process.env.TMPDIR ?? '/tmp'}/sandbox-help.png` });
  }, 60_000);
});
