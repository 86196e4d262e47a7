import pino from 'pino';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBot, type Bot } from '../../src/app';
import { loadConfig } from '../../src/config';
import { freshDatabaseUrl } from '../helpers/db';
import { launchChromium } from '../helpers/browser';

// D36 on the sandbox page: the clock is shown, and the "+1 天" button moves it a day, firing the jobs in between.
describe('sandbox page clock (D36)', () => {
  let bot: Bot;
  let browser: Browser;
  beforeAll(async () => {
    const config = loadConfig({ PORT: '0', DATABASE_URL: await freshDatabaseUrl(), LOG_LEVEL: 'silent' });
    bot = await createBot({ config, log: pino({ level: 'silent' }), autoStart: true });
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await bot?.close();
  });

  it('D36 shows the sandbox time and +1 天 moves it a day', async () => {
    const page = await browser.newPage();
    await page.goto(`${bot.url}/sandbox`);
    await expect.poll(async () => page.textContent('#now'), { timeout: 15_000 }).toContain('沙盒时间');
    await page.click('button[data-move=\'{"advance":"P1D"}\']');
    await expect.poll(async () => page.textContent('#moved'), { timeout: 30_000 }).toContain('触发');
    await expect.poll(async () => page.textContent('#now'), { timeout: 15_000 }).toContain('已拨快');
    expect(bot.sandboxClock!.now().offsetMs).toBeGreaterThanOrEqual(86_400_000 - 1000);
  }, 60_000);
});
