import { expect } from 'vitest';
import { LeaveRequest, type LeaveKind } from '../../entities/leave-request';
import type { TestBot } from '../helpers/bot';

// Shared by the attendance-*.test.ts files: a 考勤系统 export for the demo directory's 24 window staff.

export const STAFF = [
  'wangwu',
  'lisi',
  'zhangsan',
  'huangyan',
  'wujing',
  'zhouping',
  'xuli',
  'hulei',
  'gaofeng',
  'linna',
  'hejun',
  'songtao',
  'liangbo',
  'dengchao',
  'hanmei',
  'caojie',
  'pengli',
  'yuanhao',
  'zhengli',
  'hexin',
  'luoyu',
  'tangning',
  'fengxue',
  'jiangtao',
];

/** CSV text: every staff member 08:20–17:40 on `date`, except overrides ([in, out]; null = no row). */
export function exportCsv(date: string, overrides: Record<string, [string, string] | null> = {}): string {
  const lines = ['账号,日期,签到,签退'];
  for (const u of STAFF) {
    const o = u in overrides ? overrides[u] : ['08:20', '17:40'];
    if (o) lines.push(`${u},${date},${o[0]},${o[1]}`);
  }
  return `${lines.join('\n')}\n`;
}

let n = 0;
/** `考勤 导入` then the file, as 赵敏 (hall_office); returns the reply. */
export async function sendImport(t: TestBot, bytes: Buffer | string, filename = '考勤.csv', type = 'text/csv') {
  await t.say('zhao', '考勤 导入');
  expect(t.lastTextTo('zhao')).toContain('请在10分钟内发送考勤表格文件');
  const mediaId = `ATT${++n}`;
  const buffer = typeof bytes === 'string' ? Buffer.from(bytes) : bytes;
  t.fake.state.media.set(mediaId, { buffer, filename, contentType: type, type: 'file' });
  await t.post({ type: 'file', from: 'zhao', mediaId, title: filename } as never);
  return t.lastTextTo('zhao');
}

/** An approved (or other status) leave as the leave domain stores it (D150). */
export async function leave(
  t: TestBot,
  userid: string,
  from: string,
  to: string,
  status = 'approved',
  kind: LeaveKind = '事假',
) {
  const m = t.bot.deps.db.manager;
  const count = await m.count(LeaveRequest);
  return m.save(
    m.create(LeaveRequest, {
      no: `QJ2026-${String(count + 140).padStart(4, '0')}`,
      userid,
      departmentCode: 'GA',
      windowNumber: null,
      kind,
      fromDate: from,
      toDate: to,
      workdays: 1,
      reason: null,
      status: status as LeaveRequest['status'],
      approverRole: 'window_lead',
      approverUserid: 'lisi',
      approvalNo: null,
      makeUpDue: null,
      cover: null,
      softReasons: null,
      peaks: null,
      paperApproval: false,
      paperRecordedBy: null,
      decidedAt: null,
      returnedAt: null,
      absentFlaggedOn: null,
      createdBy: userid,
      createdAt: new Date('2026-02-27T09:00:00+08:00'),
    }),
  );
}
