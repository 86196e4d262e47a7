import { Department } from '../../../entities/department';
import type { CaseParallelPart } from '../../../entities/case';
import { closeDeadline, openDeadline } from '../../calendar/deadlines';
import type { Ctx } from '../../kernel/ctx';
import { UserError } from '../../kernel/errors';
import { shortDate } from '../../kernel/time';
import { partClock, SUBJECT } from './model';
import { assertStatus, changeCase, loadCase } from './store';

// 并联审批 (CAS-22; 002 运行规范 第十六、二十条): each 审批部门 finishes within its own 承诺时限, so each gets its
// own clock on the case, started at the 并联 entry; `完成=<代码>` closes one department's part (D105).

/** `GA,ZJ` (the case's 承诺时限 each) or `GA:3,ZJ:5` (WD per department). */
function parseParts(text: string, fallback: number): { dept: string; wd: number }[] {
  return text
    .split(/[,，、]/)
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => {
      const m = /^([A-Za-z]+)(?:[:：](\d+))?$/.exec(s);
      if (!m) throw new UserError(`“${s}”无法识别。例：部门=GA,BDC 或 部门=GA:3,BDC:5（工作日）`);
      return { dept: m[1].toUpperCase(), wd: m[2] ? Number(m[2]) : fallback };
    });
}

export async function addParallel(
  ctx: Ctx,
  ref: string,
  depts: string | undefined,
  done: string | undefined,
): Promise<string> {
  const c = await loadCase(ctx, ref);
  if (done) return finishPart(ctx, c.no, done.trim().toUpperCase());
  if (!depts) throw new UserError('请写并联部门：办件 并联 <AJ号> 部门=GA,BDC（可写 GA:3 指定工作日）');
  assertStatus(c, ['已受理'], '并联（须先受理）');
  const parts: CaseParallelPart[] = [...(c.parallel ?? [])];
  for (const p of parseParts(depts, c.limitWd)) {
    if (!(await ctx.m.findOne(Department, { where: { code: p.dept } })))
      throw new UserError(`没有部门 ${p.dept}。发送“部门 查看”列出全部部门。`);
    if (parts.some((x) => x.department === p.dept)) throw new UserError(`${c.no} 已并联 ${p.dept}。`);
    if (p.wd > c.limitWd) throw new UserError(`${p.dept} 时限 ${p.wd}WD 超过办件承诺时限 ${c.limitWd}WD。`);
    const d = await openDeadline(ctx.m, ctx.now, ctx.actor.userid, ctx.deps.calendar, {
      subjectType: SUBJECT,
      subjectId: c.no,
      kind: partClock(p.dept),
      startAt: ctx.now,
      amount: p.wd,
      unit: 'WD',
    });
    parts.push({ department: p.dept, limitWd: p.wd, deadlineId: d.id, dueDate: d.dueDate, doneAt: null });
  }
  const label = parts.map((p) => `${p.department} ${shortDate(p.dueDate)}${p.doneAt ? '（已完成）' : ''}`).join('，');
  await changeCase(ctx, c, '并联', { parallel: parts }, `并联：${label}`, { parts: parts.map((p) => p.department) });
  return `✅ ${c.no} 并联：${label}`;
}

async function finishPart(ctx: Ctx, ref: string, dept: string): Promise<string> {
  const c = await loadCase(ctx, ref);
  const part = c.parallel?.find((p) => p.department === dept);
  if (!part) throw new UserError(`${c.no} 没有并联部门 ${dept}。`);
  if (part.doneAt) throw new UserError(`${c.no} ${dept} 已完成。`);
  await closeDeadline(ctx.m, ctx.now, ctx.actor.userid, part.deadlineId, '并联完成');
  const parallel = c.parallel!.map((p) => (p.department === dept ? { ...p, doneAt: ctx.now.toISOString() } : p));
  await changeCase(ctx, c, '并联完成', { parallel }, `${dept} 已完成`, { department: dept });
  const left = parallel.filter((p) => !p.doneAt).map((p) => `${p.department} ${shortDate(p.dueDate)}`);
  return `✅ ${c.no} ${dept} 并联环节已完成${left.length ? `；待完成：${left.join('，')}` : '；并联部门均已完成'}`;
}
