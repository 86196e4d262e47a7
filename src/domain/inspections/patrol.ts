import { PatrolReport } from '../../../entities/patrol-report';
import { openAttachmentSlot } from '../../kernel/attachments';
import type { Ctx } from '../../kernel/ctx';
import { personName } from '../../kernel/directory';
import { UserError } from '../../kernel/errors';
import { insertRows } from '../../db';
import { localStamp } from '../../kernel/time';

// INS-01 (000 巡查 一(一), 四(三)): 蓝马甲 guides patrol their zones and report problems; the report waits in the
// 大厅管理室 queue and becomes a finding when confirmed (`巡查 发现 … 反映=<#>`) or is closed as 无问题.

export async function fileReport(ctx: Ctx, area: string, description: string): Promise<PatrolReport> {
  await insertRows(ctx.m, PatrolReport, {
    area: area.slice(0, 32),
    description,
    reporter: ctx.actor.userid,
    at: ctx.now,
    status: '待处理',
  });
  const r = (
    await ctx.m.find(PatrolReport, { where: { reporter: ctx.actor.userid }, order: { id: 'DESC' }, take: 1 })
  )[0];
  await ctx.audit('patrol.report', 'patrol_report', String(r.id), { area, description });
  await openAttachmentSlot(ctx, 'patrol_report', String(r.id), '反映照片');
  await ctx.send(
    { group: 'G-OFFICE' },
    {
      text: `📣 巡查反映 #${r.id}（${ctx.actor.name}·${area}）：${description}\n确认为问题：巡查 发现 反映=${r.id} 窗口=… 项=… 说明=…\n无问题：巡查 反映 关闭 ${r.id} 说明=…`,
    },
    `patrol:${r.id}:office`,
  );
  return r;
}

export async function openReports(ctx: Ctx): Promise<string[]> {
  const rows = await ctx.m.find(PatrolReport, { where: { status: '待处理' }, order: { id: 'ASC' } });
  return Promise.all(
    rows.map(
      async (r) =>
        `#${r.id} ${localStamp(r.at).slice(5)} ${await personName(ctx.m, r.reporter)}｜${r.area}｜${r.description}`,
    ),
  );
}

export async function closeReport(ctx: Ctx, id: number, note: string): Promise<void> {
  const res = await ctx.m.update(
    PatrolReport,
    { id, status: '待处理' },
    { status: '无问题', handledBy: ctx.actor.userid, handledAt: ctx.now, note },
  );
  if ((res.affected ?? 0) !== 1) throw new UserError(`反映 #${id} 不存在或已处理。`);
  await ctx.audit('patrol.close', 'patrol_report', String(id), { note });
  const r = await ctx.m.findOneOrFail(PatrolReport, { where: { id } });
  await ctx.send({ user: r.reporter }, { text: `你的巡查反映 #${id} 已处理：${note}` }, `patrol:${id}:closed`);
}
