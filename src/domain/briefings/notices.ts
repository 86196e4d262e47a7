import type { FindOptionsWhere } from 'typeorm';
import { Notice } from '../../../entities/notice';
import type { Ctx } from '../../kernel/ctx';
import { UserError } from '../../kernel/errors';
import { hasRole } from '../../kernel/permissions';
import { shortDate } from '../../kernel/time';
import { displayNo, showNoticeNo } from './numbering';
import { type WrittenContent, renderDept } from './written-content';

// BRF-10 archive: `通报 列表 [年份 类型=]`, `通报 查看 <督通号>`. Everyone sees the 口头 and 书面 notices; a
// department's 约谈 / 派驻部门 notices only its own people and the center; in a 书面通报 a department sees the
// general part and its own section (docs/commands.md).

export const NOTICE_TYPES = ['口头', '约谈', '书面', '其他'] as const;

const privileged = (ctx: Ctx) => hasRole(ctx.actor, 'hall_office', 'leader', 'supervisor');

function visible(ctx: Ctx, n: Notice): boolean {
  return privileged(ctx) || n.type === '口头' || n.type === '书面' || n.departmentCode === ctx.actor.departmentCode;
}

export async function listNotices(ctx: Ctx, year: number, type?: string): Promise<string[]> {
  const where: FindOptionsWhere<Notice> = { year, ...(type ? { type: type as Notice['type'] } : {}) };
  // Newest first: on a phone the recent notices matter; `更多` pages back in time.
  const rows = (await ctx.m.find(Notice, { where, order: { seq: 'DESC' } })).filter((n) => n.no && visible(ctx, n));
  return rows.map(
    (n) =>
      `${showNoticeNo(n.no!)} ${n.type} ${n.forDate ? shortDate(n.forDate) : ''}${n.departmentCode ? ` ${n.departmentCode}` : ''}${n.type === '书面' ? ` ${n.month}` : ''}`,
  );
}

export function noticeText(ctx: Ctx, n: Notice): string {
  if (!visible(ctx, n)) throw new UserError(`${displayNo(n)} 为其他部门的通报，你无权查看。`);
  if (n.type !== '书面') return `${displayNo(n)}｜${n.title}\n${n.text}`;
  const c = n.content as unknown as WrittenContent;
  const head = `${displayNo(n)}｜${n.title}${c.late ? '（逾期印发）' : ''}\n${c.general.join('\n')}`;
  if (privileged(ctx)) {
    // Phone-sized: one line per department; the full text is the .docx, a section via 书面通报 查看 … 部门=.
    const lines = c.departments.map(
      (d) =>
        `${d.code}：${d.sections[0][0] === '无' ? '无问题' : d.sections[0][0].replace(/：$/, '')}${d.edited.length || d.remark ? '（已修改）' : ''}`,
    );
    return [head, ...lines, `各部门全文：书面通报 查看 ${n.month} 部门=<代码>`].join('\n');
  }
  return [head, ...c.departments.filter((d) => d.code === ctx.actor.departmentCode).map(renderDept)].join('\n');
}
