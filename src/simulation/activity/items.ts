import type { LocalDate } from '../../kernel/time';
import type { SimDepartment } from '../hall';
import { decide } from './approvals';
import { perDay, type Activity, type Action, type SimContext } from './types';

// 事项动态管理 (ITM-02…04, ITM-07, ITM-10): 首席代表 file adjustment requests (新增 with its 审批人员, 取消,
// 变更), 大厅管理室 does the 中心初审 the same day and updates the list a few WD later — about one in four only
// after the 5-WD limit, so item-tasks-overdue reports it — and departments file new 审查要点 versions.

const TARGET = { small: 4, hall: 18 };
const NAMES = ['居住证办理', '临时身份证明', '社会保险登记', '取水许可', '不动产抵押登记', '税务登记变更'];

interface Pending {
  no: string;
  code: string;
  dept: SimDepartment;
  /** The WD index on which 大厅管理室 updates the list. */
  updateOn: number;
}

export function itemsActivity(): Activity {
  const pending: Pending[] = [];
  const listed: Pending[] = [];
  let serial = 0;
  return {
    name: 'items',
    day(ctx, day) {
      const index = ctx.workdays.indexOf(day);
      if (index < 0) return [];
      const actions: Action[] = [];
      for (const p of pending.filter((x) => x.updateOn === index))
        actions.push({ at: '15:30', what: 'list update', run: () => update(ctx, p, pending, listed) });
      const n = perDay(TARGET[ctx.scale], ctx.workdays.length, index);
      for (let i = 0; i < n; i++)
        actions.push({ at: '10:30', what: 'adjustment', run: () => file(ctx, day, index, ++serial, pending) });
      if (index % 5 === 2 && listed.length)
        actions.push({ at: '16:00', what: '要点', run: () => guide(ctx, ctx.rng.pick(listed), ++serial) });
      return actions;
    },
  };
}

async function file(ctx: SimContext, day: LocalDate, index: number, serial: number, pending: Pending[]) {
  const dept = ctx.rng.pick(ctx.hall.departments.filter((d) => d.staff.length));
  const approver = ctx.rng.pick(dept.staff);
  const code = `SIM-${dept.code}-${serial}`;
  const reply = await ctx.driver.say(
    dept.chief.userid,
    `事项 调整 新增 事项=${ctx.rng.pick(NAMES)}${serial} 原因=${ctx.rng.int(1, 6)} 生效=${day} 审批人员=@${approver.userid} 编码=${code}`,
  );
  const no = /✅ (SX\d{4}-\d{4})/.exec(reply)?.[1];
  if (!no) {
    ctx.tally('items.refused');
    return;
  }
  ctx.tally('items.filed');
  if ((await decide(ctx, no)) !== 'approved') return;
  ctx.tally('items.approved');
  const late = ctx.rng.chance(0.25);
  pending.push({ no, code, dept, updateOn: index + (late ? ctx.rng.int(6, 8) : ctx.rng.int(1, 4)) });
}

async function update(ctx: SimContext, p: Pending, pending: Pending[], listed: Pending[]) {
  const r = await ctx.driver.say(ctx.hall.office[0], `事项 更新 ${p.no}`);
  if (r.startsWith('✅')) listed.push(p);
  ctx.tally(
    r.startsWith('✅') ? (r.includes('逾期') ? 'items.updated-late' : 'items.updated') : 'items.update-refused',
  );
  pending.splice(pending.indexOf(p), 1);
}

async function guide(ctx: SimContext, item: Pending, serial: number) {
  const r = await ctx.driver.say(item.dept.chief.userid, `事项 要点 ${item.code} 版本=${serial}`);
  ctx.tally(r.startsWith('✅') ? 'items.guides' : 'items.guide-refused');
}
