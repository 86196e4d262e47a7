import { Between } from 'typeorm';
import { ComplaintIntake } from '../../../entities/complaint-intake';
import { GuideRollcall } from '../../../entities/guide-rollcall';
import { PatrolReport } from '../../../entities/patrol-report';
import type { Ctx } from '../../kernel/ctx';
import { usersWithRole } from '../../kernel/directory';
import { localDate } from '../../kernel/time';
import type { Period } from './indicators';

// PRF-10 (000 导服 七(七)): the guides' (蓝马甲) daily work counts in 绩效 too. Guides belong to the hall, not to a
// stationed department, so their line stands apart in the office's view (D188): 晨会 到 (ATT-04, late ones
// counted), problems reported from their zone patrols (INS-01) and complaints passed on (CMP-02 上报).

export async function guideLines(ctx: Ctx, p: Period): Promise<string[]> {
  const guides = await usersWithRole(ctx.m, 'guide');
  if (guides.length === 0) return [];
  const calls = await ctx.m.find(GuideRollcall, { where: { date: Between(p.first, p.last) } });
  const inside = (d: Date) => localDate(d) >= p.first && localDate(d) <= p.last;
  const patrols = (await ctx.m.find(PatrolReport)).filter((r) => inside(r.at));
  const intakes = (await ctx.m.find(ComplaintIntake, { where: { kind: '上报' } })).filter((r) => inside(r.createdAt));
  return guides.map((g) => {
    const c = calls.filter((x) => x.userid === g.userid);
    const late = c.filter((x) => x.late).length;
    const reported = patrols.filter((x) => x.reporter === g.userid);
    const found = reported.filter((x) => x.findingNo).length;
    const passed = intakes.filter((x) => x.reportedBy === g.userid).length;
    return `导服 ${g.name}：晨会 ${c.length}${late ? `（迟到${late}）` : ''}｜巡查反映 ${reported.length}${found ? `（成立${found}）` : ''}｜投诉上报 ${passed}`;
  });
}
