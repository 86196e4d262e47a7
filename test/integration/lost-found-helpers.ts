import { expect } from 'vitest';
import type { TestBot } from '../helpers/bot';

// Shared by the lost-found-*.test.ts files.

/** A 身份证 number with a correct check digit (GB 11643-1999). */
export const VALID_ID = '152701199001011239';
export const GUIDES = ['xiaogao', 'xiaoma'];

/** `失物 登记 <args>` as 小高 (guide); returns the SW number. */
export async function registerItem(t: TestBot, args: string, who = 'xiaogao'): Promise<string> {
  await t.say(who, `失物 登记 ${args}`);
  const m = /✅ (SW\d{4}-\d{4})/.exec(t.lastTextTo(who));
  expect(m, t.lastTextTo(who)).not.toBeNull();
  return m![1];
}

/** Everything delivered to a guide: direct messages and the G-GUIDE group. */
export async function guideFeed(t: TestBot): Promise<string[]> {
  return [...GUIDES.flatMap((g) => t.textsTo(g)), ...(await t.groupTexts('G-GUIDE'))];
}
