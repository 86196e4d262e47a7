import { randomBytes } from 'node:crypto';
import { Department } from '../../../entities/department';
import type { Finding } from '../../../entities/finding';
import type { Ctx } from '../../kernel/ctx';
import { personName } from '../../kernel/directory';
import { localStamp, shortDate, localDate } from '../../kernel/time';
import { buttonCard, taskIdFor } from '../../wecom/cards';
import { ESCALATED, itemFull, type Severity } from './rules';

// INS-07 (000 巡查 四(二)): 一般 → feed back to the 首席代表 (card ack:/dispute:, INS-09); 重复/典型/重大 → also
// report to the center leaders (G-LEAD); 突发 → handled at once (G-LEAD and G-OFFICE). The named staff member
// is told too: D32 — staff may dispute a finding about them.

function describe(f: Finding, staff: string): string {
  return `${f.windowNumber ? `${f.windowNumber}号窗` : '公共区域'}${staff ? ` ${staff}` : ''}：${f.item ? `项${f.item} ` : ''}${f.description}`;
}

export function findingCard(f: Finding, staff: string) {
  return buttonCard({
    taskId: taskIdFor(f.no, 'ack', randomBytes(3).toString('hex')),
    title: `巡查发现 ${f.no}（${f.severity}）`,
    desc: `${f.departmentCode ?? ''} ${f.windowNumber ? `${f.windowNumber}号窗` : ''}｜${f.autoTagged ? '30天内重复｜' : ''}可提出异议`,
    subTitle: `${f.description}${f.action ? `（当场处理：${f.action}）` : ''}`,
    fields: [
      { key: '时间', value: localStamp(f.at) },
      { key: '区域', value: `${f.area ?? ''}${f.windowNumber ? ` ${f.windowNumber}号窗` : ''}`.trim() || '—' },
      { key: '项目', value: itemFull(f.item) },
      { key: '人员', value: staff || '—' },
      { key: '当场处理', value: f.action ?? '—' },
      { key: '证据', value: `发送“巡查 查看 ${f.no}”` },
    ],
    buttons: [
      { text: '确认', key: `ack:${f.no}`, style: 1 },
      { text: '异议', key: `dispute:${f.no}`, style: 2 },
    ],
  });
}

export async function routeFinding(ctx: Ctx, f: Finding, occurrence: number): Promise<string> {
  const staff = await personName(ctx.m, f.staffUserid);
  const dept = f.departmentCode ? await ctx.m.findOne(Department, { where: { code: f.departmentCode } }) : null;
  const routed: string[] = [];
  if (dept?.chiefRep && f.status === '待确认') {
    await ctx.send({ user: dept.chiefRep }, { card: findingCard(f, staff) }, `finding:${f.no}:card`);
    routed.push('已推送首席代表');
  } else if (f.status === '已确认') routed.push(f.departmentCode ? '自查已确认' : '公共区域，已确认');
  if (f.staffUserid && f.staffUserid !== dept?.chiefRep) {
    await ctx.send(
      { user: f.staffUserid },
      { text: `巡查发现 ${f.no}（${f.severity}）涉及您：${describe(f, '')}\n如有异议可发送：巡查 异议 ${f.no} 理由=…` },
      `finding:${f.no}:staff`,
    );
  }
  if (ESCALATED.includes(f.severity as Severity)) {
    const repeat = f.autoTagged ? `·30天内第${occurrence}次` : '';
    const text = `⚠️ 巡查发现 ${f.no}（${f.severity}${repeat}）${f.departmentCode ?? ''} ${describe(f, staff)}｜${shortDate(localDate(f.at))} ${localStamp(f.at).slice(11)}`;
    await ctx.send({ group: 'G-LEAD' }, { text }, `finding:${f.no}:lead`);
    if (f.severity === '突发') await ctx.send({ group: 'G-OFFICE' }, { text }, `finding:${f.no}:office`);
    routed.push('已报中心领导');
  }
  return routed.join('，') || '已记录';
}

export async function routePraise(ctx: Ctx, f: Finding): Promise<void> {
  const dept = f.departmentCode ? await ctx.m.findOne(Department, { where: { code: f.departmentCode } }) : null;
  if (!dept?.chiefRep) return;
  const staff = await personName(ctx.m, f.staffUserid);
  await ctx.send(
    { user: dept.chiefRep },
    { text: `👍 巡查表扬 ${f.no}：${describe(f, staff)}（将列入口头通报表扬）` },
    `finding:${f.no}:praise`,
  );
}
