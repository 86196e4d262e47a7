import { DeviceTask } from '../../../entities/device-task';
import { Person } from '../../../entities/person';
import { PersonRole } from '../../../entities/person-role';
import { StaffRecord } from '../../../entities/staff-record';
import { insertRows } from '../../db';
import { refreshGroupMembers } from '../../directory/groups';
import type { Ctx } from '../../kernel/ctx';
import { normUserid } from '../../kernel/directory';
import { UserError, ruleRefusal } from '../../kernel/errors';
import { localDate } from '../../kernel/time';
import { CITE, SUBJECT, loadStaffRecord } from './records';

// `入岗 到岗 <RG号> [账号=]` (STF-05, 000 调整管理 三(一)4): the newcomer starts — status 在岗, window, role staff —
// only once the RG is approved and the 考勤系统 / 评价器 tasks are done; until then only the staff record exists.

const STATUS_TEXT: Record<string, string> = {
  draft: '尚未提交（待岗前培训材料）',
  pending: '审批中',
  rejected: '已被驳回',
  withdrawn: '已撤回',
};

export async function arrive(ctx: Ctx, ref: string, account?: string): Promise<{ r: StaffRecord; person: Person }> {
  const r = await loadStaffRecord(ctx, ref, 'RG');
  if (r.status === 'done') throw new UserError(`${r.no} ${r.name} 已于 ${localDate(r.doneAt!)} 到岗。`);
  if (r.status !== 'approved')
    throw ruleRefusal(
      'STF-05',
      CITE.stf05,
      `${r.no} ${STATUS_TEXT[r.status] ?? r.status}${r.approvalNo ? `（${r.approvalNo}）` : ''}，暂不能上岗。`,
    );
  const open = await ctx.m.find(DeviceTask, {
    where: { subjectType: SUBJECT, subjectId: r.no, status: 'open' },
    order: { id: 'ASC' },
  });
  if (open.length) {
    const what = open.map((t) => `${t.item}信息未录入（${t.no}）`).join('，');
    throw ruleRefusal('STF-05', CITE.stf05, `${what}，暂不能上岗。`);
  }
  const userid = normUserid(account ?? r.userid ?? '');
  if (!userid) throw new UserError(`请写明企业微信账号：入岗 到岗 ${r.no} 账号=…`);
  const today = localDate(ctx.now);
  const existing = await ctx.m.findOne(Person, { where: { userid } });
  if (existing && !existing.inactive && existing.status === '在岗' && existing.departmentCode !== r.departmentCode)
    throw new UserError(
      `账号 ${userid} 是 ${existing.departmentCode ?? '中心'} 的在岗人员（${existing.name}），请核对。`,
    );
  const fields = {
    name: r.name,
    departmentCode: r.departmentCode,
    windowNumber: r.windowNumber,
    stationedSince: today,
    status: '在岗',
    inactive: false,
  };
  if (existing) await ctx.m.update(Person, { userid }, fields);
  else
    await insertRows(ctx.m, Person, {
      userid,
      ...fields,
      flags: [],
      abPartner: null,
      phone: r.form['联系方式'] ?? null,
      grade: null,
      certificate: null,
    });
  await insertRows(ctx.m, PersonRole, { userid, role: 'staff' }, { orIgnore: true });
  await ctx.m.update(StaffRecord, { id: r.id }, { status: 'done', userid, doneAt: ctx.now });
  await ctx.audit('staff_record.arrived', SUBJECT, r.no, { userid, window: r.windowNumber });
  await ctx.audit('person.status', 'person', userid, { from: existing?.status ?? null, to: '在岗', source: r.no });
  await refreshGroupMembers(ctx.m, ctx.now, ctx.actor.userid);
  return { r, person: await ctx.m.findOneOrFail(Person, { where: { userid } }) };
}
