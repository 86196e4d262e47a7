import { Department } from '../../../entities/department';
import { Person } from '../../../entities/person';
import { PersonRole } from '../../../entities/person-role';
import { StaffRecord, type HandoverTick } from '../../../entities/staff-record';
import { refreshGroupMembers } from '../../directory/groups';
import type { Ctx } from '../../kernel/ctx';
import { usersWithRole } from '../../kernel/directory';
import { UserError, ruleRefusal, softWarning } from '../../kernel/errors';
import { hasRole } from '../../kernel/permissions';
import { localDate, localStamp } from '../../kernel/time';
import { createDeviceTasks, taskLine } from '../windows/device-tasks';
import { ONBOARD_ITEMS } from './onboarding-kind';
import { CITE, SUBJECT, loadStaffRecord } from './records';

// 离岗交接 a–f (STF-08, STF-09; 000 调整管理 三(二)2): each step ticked by its owner; e (中心负责人 准予退出) only
// after a–d and asking whether the successor knows the work; f (大厅管理室) after e: the person has left — roles,
// window and bot access gone, 考勤/评价器 deletion tasks opened.

type Owner = 'chief' | 'egov' | 'office' | 'leader';

export const HANDOVER_STEPS: readonly { key: string; action: string; owner: Owner; ownerText: string }[] = [
  { key: 'a', action: '工作移交和接交', owner: 'chief', ownerText: '首席代表' },
  { key: 'b', action: '收回工作牌、文件柜钥匙、档案柜钥匙交至大厅管理室', owner: 'chief', ownerText: '首席代表' },
  { key: 'c', action: '清点调出人员使用的办公设施设备', owner: 'egov', ownerText: '电子政务室' },
  { key: 'd', action: '核对调出人员在窗口工作期间的日常考勤情况', owner: 'office', ownerText: '大厅管理室' },
  { key: 'e', action: '中心负责人签字，准予退出', owner: 'leader', ownerText: '中心负责人' },
  { key: 'f', action: '调整窗口或办公室，删除考勤、评价器等信息', owner: 'office', ownerText: '大厅管理室' },
];

/** `a✅ b✅ c⬜ d⬜ e🔒 f🔒` */
export function handoverLine(r: StaffRecord): string {
  const h = r.handover ?? {};
  const done = (k: string) => Boolean(h[k]);
  return HANDOVER_STEPS.map((s) => {
    const locked = (s.key === 'e' && !['a', 'b', 'c', 'd'].every(done)) || (s.key === 'f' && !done('e'));
    return `${s.key}${done(s.key) ? '✅' : locked ? '🔒' : '⬜'}`;
  }).join(' ');
}

export const handoverCount = (r: StaffRecord) => Object.keys(r.handover ?? {}).length;

async function checkOwner(ctx: Ctx, r: StaffRecord, owner: Owner, text: string): Promise<void> {
  const a = ctx.actor;
  const ok =
    owner === 'chief'
      ? (await ctx.m.findOneOrFail(Department, { where: { code: r.departmentCode } })).chiefRep === a.userid
      : owner === 'egov'
        ? a.flags.includes('电子政务室') || hasRole(a, 'hall_office')
        : owner === 'office'
          ? hasRole(a, 'hall_office')
          : hasRole(a, 'leader');
  if (!ok) throw new UserError(`交接 ${text} 由${HANDOVER_STEPS.find((s) => s.owner === owner)!.ownerText}办理。`);
}

export interface TickInput {
  step: string;
  note?: string;
  /** e: 接替人员是否已熟悉工作 (STF-09). */
  familiar?: boolean;
  reason?: string;
}

export async function tickHandover(ctx: Ctx, ref: string, a: TickInput): Promise<{ r: StaffRecord; extra: string[] }> {
  const r = await loadStaffRecord(ctx, ref, 'LG');
  const s = HANDOVER_STEPS.find((x) => x.key === a.step.toLowerCase());
  if (!s) throw new UserError('交接步骤应为 a、b、c、d、e、f 之一。');
  if (r.status !== 'approved')
    throw new UserError(`${r.no} ${r.status === 'done' ? '已完成离岗' : '尚未批准'}，不能办理交接。`);
  const h = { ...(r.handover ?? {}) };
  if (h[s.key]) throw new UserError(`${r.no} 交接 ${s.key} 已于 ${h[s.key].at} 完成。`);
  await checkOwner(ctx, r, s.owner, s.key);
  if (s.key === 'e') {
    const open = ['a', 'b', 'c', 'd'].filter((k) => !h[k]);
    if (open.length)
      throw ruleRefusal(
        'STF-08',
        CITE.stf08,
        `须先完成 ${open.map((k) => `${k} ${HANDOVER_STEPS.find((x) => x.key === k)!.action}`).join('；')}，才能签字准予退出。`,
      );
    if (!a.familiar && !a.reason)
      throw softWarning('STF-09', '接替人员是否已熟悉工作？未熟悉前原则上不得离岗。', '熟悉=是，或 理由=…');
  }
  if (s.key === 'f' && !h.e) throw ruleRefusal('STF-08', CITE.stf08, '须先由中心负责人签字准予退出（交接 e）。');
  const note = [a.note, s.key === 'e' ? (a.familiar ? '接替人员已熟悉工作' : `接替人员未熟悉：${a.reason}`) : null]
    .filter(Boolean)
    .join('；');
  const tick: HandoverTick = { by: ctx.actor.userid, at: localStamp(ctx.now), note: note || null };
  h[s.key] = tick;
  await ctx.m.update(StaffRecord, { id: r.id }, { handover: h });
  await ctx.audit('staff_record.handover', SUBJECT, r.no, { step: s.key, note: tick.note });
  const extra = s.key === 'f' ? await completeDeparture(ctx, r) : [];
  await tellNextOwner(ctx, r, s.key, h);
  return { r: await loadStaffRecord(ctx, r.no, 'LG'), extra };
}

/** When a–d are done the 中心负责人 is asked for e; after e 大厅管理室 is asked for f (docs/commands.md). */
async function tellNextOwner(ctx: Ctx, r: StaffRecord, key: string, h: Record<string, HandoverTick>): Promise<void> {
  const who = `${r.no} ${r.departmentCode} ${r.name}`;
  if ('abcd'.includes(key) && ['a', 'b', 'c', 'd'].every((k) => h[k])) {
    const leaders = (await usersWithRole(ctx.m, 'leader')).map((p) => p.userid);
    if (leaders.length)
      await ctx.send(
        { user: leaders },
        { text: `${who} 离岗交接 a–d 已完成，请签字准予退出（接替人员是否已熟悉工作？）：交接 ${r.no} e 熟悉=是` },
        `lg:${r.no}:ask-e`,
      );
  }
  if (key === 'e')
    await ctx.send(
      { group: 'G-OFFICE' },
      { text: `${who} 已准予退出，请调整窗口并删除考勤、评价器等信息：交接 ${r.no} f` },
      `lg:${r.no}:ask-f`,
    );
}

/** Step f: 已离岗, no roles, no window, no B-post, no bot access; the deletion tasks for 大厅管理室. */
async function completeDeparture(ctx: Ctx, r: StaffRecord): Promise<string[]> {
  const today = localDate(ctx.now);
  await ctx.m.update(StaffRecord, { id: r.id }, { status: 'done', doneAt: ctx.now });
  if (!r.userid) return [];
  const p = await ctx.m.findOneOrFail(Person, { where: { userid: r.userid } });
  const roles = (await ctx.m.find(PersonRole, { where: { userid: p.userid } })).map((x) => x.role);
  await ctx.m.delete(PersonRole, { userid: p.userid });
  await ctx.m.update(
    Person,
    { userid: p.userid },
    { status: '已离岗', inactive: true, windowNumber: null, abPartner: null },
  );
  await ctx.m.update(Person, { abPartner: p.userid }, { abPartner: null });
  const stationing = await ctx.m.findOne(StaffRecord, {
    where: { kind: '入岗', userid: p.userid },
    order: { id: 'DESC' },
  });
  if (stationing) await ctx.m.update(StaffRecord, { id: stationing.id }, { endDate: today });
  await ctx.audit('person.status', 'person', p.userid, {
    from: p.status,
    to: '已离岗',
    rolesRemoved: roles,
    source: r.no,
  });
  await refreshGroupMembers(ctx.m, ctx.now, ctx.actor.userid);
  const tasks = await createDeviceTasks(ctx, {
    subjectType: SUBJECT,
    subjectId: r.no,
    windows: p.windowNumber ? [p.windowNumber] : [],
    items: ONBOARD_ITEMS,
    purpose: `${p.name}离岗 删除`,
  });
  return tasks.map(taskLine);
}
