import { Notice } from '../../../entities/notice';
import type { LocalDate } from '../../kernel/time';
import { perDay, type Activity, type Action, type SimContext } from './types';

// 巡查 and 口头通报 (INS-04…INS-09, BRF-02/03/10): a 日常巡查 each WD with findings and praise, some disputed
// by the 首席代表 and ruled on by 大厅管理室; the 分管领导 approves the morning draft on the card before 08:20 on
// most WDs and late (09:40, published at once) on some.

const TARGET = { small: 30, hall: 130 };
const NOTES = ['空岗', '未着工装', '未提醒群众评价', '玩手机', '台面杂乱', '未执行一次性告知', '工牌未佩戴'];

export function supervisionActivity(): Activity {
  return {
    name: 'supervision',
    day(ctx, day) {
      const index = ctx.workdays.indexOf(day);
      if (index < 0) return [];
      const office = ctx.hall.office[0];
      const late = ctx.rng.chance(0.12);
      const findings = perDay(TARGET[ctx.scale], ctx.workdays.length, index);
      const actions: Action[] = [
        {
          at: late ? '09:40' : '08:00',
          what: 'oral notice approval',
          run: () => approveOral(ctx, day, late),
        },
        { at: '10:00', what: 'patrol', run: () => patrol(ctx, office, findings) },
      ];
      return actions;
    },
  };
}

async function approveOral(ctx: SimContext, day: LocalDate, late: boolean): Promise<void> {
  const n = await ctx.driver.bot.deps.db.manager.findOneBy(Notice, { periodKey: `口头:${day}` });
  if (!n?.approvalNo) return;
  if (await ctx.driver.click(ctx.hall.supervisor, `approve:${n.approvalNo}`)) {
    ctx.tally(late ? 'oral.approved-late' : 'oral.approved');
  }
}

async function patrol(ctx: SimContext, office: string, findings: number): Promise<void> {
  const d = ctx.driver;
  await d.say(office, '巡查 开始 类型=日常 区域=前台,后台,公共 楼层=1');
  for (let i = 0; i < findings; i++) {
    const dept = ctx.rng.pick(ctx.hall.departments.filter((x) => x.windows.length));
    const w = ctx.rng.pick(dept.windows);
    const reply = await d.say(
      office,
      `巡查 发现 窗口=${w.number} 人=@${w.staff.name} 项=${ctx.rng.int(1, 11)} 说明=${ctx.rng.pick(NOTES)}`,
    );
    const no = /✅ (WT\d{4}-\d{4})/.exec(reply)?.[1];
    ctx.tally(no ? 'findings.recorded' : 'findings.refused');
    if (no && ctx.rng.chance(0.1)) {
      await d.say(dept.chief.userid, `巡查 异议 ${no} 理由=当事人在后台取件，已放暂停服务牌`);
      const ruling = ctx.rng.chance(0.5) ? '撤销' : '维持';
      const r = await d.say(office, `巡查 裁定 ${no} ${ruling} 说明=已核对监控`);
      ctx.tally(r.startsWith('✅') ? `disputes.${ruling}` : 'disputes.refused');
    }
  }
  if (ctx.rng.chance(0.5)) {
    const dept = ctx.rng.pick(ctx.hall.departments.filter((x) => x.windows.length));
    const w = ctx.rng.pick(dept.windows);
    const r = await d.say(office, `巡查 表扬 窗口=${w.number} 人=@${w.staff.name} 说明=延时服务`);
    ctx.tally(r.startsWith('✅') ? 'praise.recorded' : 'praise.refused');
  }
  await d.say(office, '巡查 结束');
}
