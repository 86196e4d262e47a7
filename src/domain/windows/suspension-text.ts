import { Department } from '../../../entities/department';
import type { Suspension } from '../../../entities/suspension';
import type { Ctx } from '../../kernel/ctx';
import { cnDate, localDate } from '../../kernel/time';
import { windowsLabel } from './rules';

const year = (d: string) => `${d.slice(0, 4)}年${cnDate(d)}`;

/**
 * SUS-07 (000 高峰停办 二(二)2): the public notice for the screen, the 公众号 and the doors. It is published, so it
 * carries no internal words (D41); a one-day 停办 names its day once.
 */
export async function noticeText(ctx: Ctx, s: Suspension): Promise<string> {
  const dept = await ctx.m.findOne(Department, { where: { code: s.departmentCode } });
  const phones = (s.consultants ?? []).map((c) => `${c.phone}（${c.name}）`).join('、');
  return [
    '【业务临时停办公告】',
    `因${s.reason}${s.docNo ? `（${s.docNo}）` : ''}，${dept?.name ?? s.departmentCode}在旗政务服务中心${windowsLabel(s.windows)}办理的相关业务于${year(s.fromDate)}${s.toDate === s.fromDate ? '' : `至${cnDate(s.toDate)}`}临时停办。`,
    `停办期间业务咨询电话：${phones}。`,
    '给您带来不便，敬请谅解。',
    `乌审旗政务服务中心 ${year(localDate(ctx.now))}`,
  ].join('\n');
}
