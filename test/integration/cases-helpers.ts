import { expect } from 'vitest';
import { ServiceItem } from '../../entities/item';
import type { TestBot } from '../helpers/bot';

// Shared by the cases-*.test.ts files: catalogue rows as the 事项 import would store them, and 收件 via chat.

export async function addItem(t: TestBot, over: Partial<ServiceItem> = {}): Promise<ServiceItem> {
  const m = t.bot.deps.db.manager;
  const now = t.clock.now();
  const row = m.create(ServiceItem, {
    code: 'GA-001',
    name: '户籍迁入',
    departmentCode: 'GA',
    basis: null,
    conditions: null,
    materials: ['户口簿', '身份证'],
    process: null,
    legalLimitWd: 20,
    promisedLimitWd: 5,
    limitBasis: null,
    place: '12号窗',
    hours: null,
    consultPhone: null,
    supervisePhone: null,
    windowNumber: '12',
    fees: null,
    instant: false,
    inZongchuang: true,
    fullyOnline: false,
    approvers: ['wangwu'],
    status: '在用',
    createdAt: now,
    updatedAt: now,
    updatedBy: 'test',
    ...over,
  });
  return m.save(row);
}

/** `办件 收件 <args>` as `who` (default 李四, GA 12号窗); returns the AJ number. */
export async function receive(t: TestBot, args: string, who = 'lisi'): Promise<string> {
  await t.say(who, `办件 收件 ${args}`);
  const m = /✅ (AJ\d{4}-\d{5})/.exec(t.lastTextTo(who));
  expect(m, t.lastTextTo(who)).not.toBeNull();
  return m![1];
}
