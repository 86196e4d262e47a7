import { z } from 'zod';
import { archiveSummary, archiveYear } from '../src/domain/records/archive';
import { defineCommand } from '../src/kernel/command';
import { UserError } from '../src/kernel/errors';
import { localDate } from '../src/kernel/time';

// `归档 年度 <年>` (REC-04, REC-10 / OPEN #54): 大厅管理室 makes the year's archive on demand; the January step of
// annual-batch makes the year just ended without being asked (D205). Re-running it rewrites the same file.
export const archiveYearCommand = defineCommand({
  name: '归档 年度',
  group: '常用',
  summary: '生成某年度归档包（台账、编号通报、表单、清单），发到大厅管理室群',
  roles: ['hall_office'],
  usage: '归档 年度 <年>',
  examples: ['归档 年度 2026'],
  rules: ['REC-04', 'REC-10'],
  positional: ['年'],
  args: () =>
    z.object({
      年: z
        .string()
        .regex(/^\d{4}$/, '年份写四位数字，例：2026')
        .describe('年份（2026）'),
    }),
  async handle(ctx, a) {
    const year = Number(a.年);
    const current = Number(localDate(ctx.now).slice(0, 4));
    if (year > current) throw new UserError(`${year}年尚未开始，无可归档的记录。可归档 ${current} 年及以前的年度。`);
    const r = await archiveYear(ctx, year, `archive:${year}:${ctx.actor.userid}:${ctx.now.getTime()}`);
    await ctx.reply(`${archiveSummary(r)}\n归档文件已发送到大厅管理室群。`);
  },
});
