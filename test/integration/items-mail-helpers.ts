import { expect } from 'vitest';
import { ServiceCase } from '../../entities/case';
import { insertAcceptedCase } from '../helpers/cases';
import type { TestBot } from '../helpers/bot';

// Shared by items.test.ts and mail.test.ts: the catalogue file, sending it in chat, and a mirrored case.

export const ITEM_HEADER =
  '事项编码,事项名称,实施部门,法定时限,承诺时限,即办,综窗,全程网办,涉密,办理地点,窗口,咨询电话';
export const ITEM_ROWS = [
  '1500-0001,户籍迁入,GA,20,5,否,是,是,否,一楼A区,12,0477-7218001',
  '1500-0002,居民身份证换领,GA,30,,否,是,否,否,一楼A区,13,',
  '1500-0003,社保卡挂失,SB,,,是,否,是,否,二楼B区,5,',
];

let media = 0;

/** `事项 导入` as 赵敏, then the CSV as a WeCom file message; returns the reply. */
export async function importItems(t: TestBot, lines: string[], who = 'zhao'): Promise<string> {
  await t.say(who, '事项 导入');
  const mediaId = `ITEMS${++media}`;
  const bytes = Buffer.from(`${lines.join('\n')}\n`);
  t.fake.state.media.set(mediaId, { buffer: bytes, filename: '事项.csv', contentType: 'text/csv', type: 'file' });
  await t.post({ type: 'file', from: who, mediaId, title: '事项.csv' } as never);
  return t.lastTextTo(who);
}

/** A case mirrored from the platform (the cases domain's table), inserted as the 收件 command would leave it. */
export async function mirrorCase(
  t: TestBot,
  no: string,
  o: { platformNo?: string; itemCode?: string; finished?: boolean; receivedAt?: string; window?: string } = {},
): Promise<void> {
  const at = new Date(o.receivedAt ?? '2026-03-02T09:00:00+08:00');
  await insertAcceptedCase(t.bot.deps.db.manager, no, at, {
    platformNo: o.platformNo ?? null,
    itemId: 1,
    itemCode: o.itemCode ?? '1500-0001',
    departmentCode: o.window === '5' ? 'SB' : 'GA',
    windowNumber: o.window ?? '12',
    applicant: '张三',
    applicantPhone: '13900000000',
    firstResponder: 'lisi',
    handler: 'lisi',
    status: o.finished ? '办结' : '已受理',
    finishedAt: o.finished ? at : null,
    source: '导入',
  });
  expect(await t.bot.deps.db.manager.count(ServiceCase, { where: { no } })).toBe(1);
}
