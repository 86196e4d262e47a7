import { z } from 'zod';
import { GroupChat } from '../entities/group-chat';
import { ROLE_NAMES, type Role } from '../entities/person-role';
import { findDepartment, findPerson, windowNumberOf } from '../src/kernel/directory';
import { UserError } from '../src/kernel/errors';
import { replyList } from '../src/kernel/replies';
import { bindGroup, grantRoles, maskWebhook, revokeRoles, setChief, STF01_REASONS } from '../src/directory/edits';
import { parseRole, splitList } from '../src/directory/fields';
import { localDate } from '../src/kernel/time';
import { defineCommand } from '../src/kernel/command';
import { requestChiefChange, requestMove } from '../src/domain/staffing/transfer';

/** STF-01 reason codes 1–5 (004 第十六条(二)). */
const reasonCode = z.coerce
  .number()
  .int()
  .refine((n) => n in STF01_REASONS, {
    message: `应为1–5：${Object.entries(STF01_REASONS)
      .map(([k, v]) => `${k} ${v}`)
      .join('；')}`,
  })
  .optional();

// Directory edits in chat (D1 names). Parse, call
// src/directory/edits, reply. Permissions come from `roles` (checked by the dispatcher); the one finer check
// — a 首席代表 moves only their own department's people — is in movePerson.

/** `staff window_lead`, `首席代表、窗口负责人` → roles; an unknown word is refused naming it. */
function rolesFrom(text: string): Role[] {
  const words = splitList(text);
  const roles: Role[] = [];
  for (const w of words) {
    const r = parseRole(w);
    if (!r)
      throw new UserError(
        `角色“${w}”无效。可选：${Object.entries(ROLE_NAMES)
          .map(([k, v]) => `${k}（${v}）`)
          .join('、')}`,
      );
    if (!roles.includes(r)) roles.push(r);
  }
  if (roles.length === 0) throw new UserError('请写出角色，例如：角色 授予 liu supervisor');
  return roles;
}

export const roleGrant = defineCommand({
  name: '角色 授予',
  group: '设置',
  summary: '给人员增加角色（可写多个）',
  roles: ['admin'],
  usage: '角色 授予 <人> <角色…>',
  examples: ['角色 授予 liu supervisor', '角色 授予 李四 窗口负责人'],
  rules: ['DIR-05'],
  positional: ['人', '角色'],
  args: () => z.object({ 人: z.string({ error: '缺少人员' }), 角色: z.string({ error: '缺少角色' }) }),
  async handle(ctx, args) {
    const p = await findPerson(ctx.m, args.人);
    const { added, had } = await grantRoles(ctx, p, rolesFrom(args.角色));
    if (added.length === 0) return ctx.reply(`${p.name} 已有角色 ${had.join('、')}，未作修改。`);
    await ctx.reply(
      `✅ ${p.name} ${added.map((r) => `+${r}`).join(' ')}${had.length ? `（已有：${had.join('、')}）` : ''}`,
    );
  },
});

export const roleRevoke = defineCommand({
  name: '角色 撤销',
  group: '设置',
  summary: '撤销人员的角色',
  roles: ['admin'],
  usage: '角色 撤销 <人> <角色…>',
  examples: ['角色 撤销 liu leader'],
  rules: ['DIR-05'],
  positional: ['人', '角色'],
  args: () => z.object({ 人: z.string({ error: '缺少人员' }), 角色: z.string({ error: '缺少角色' }) }),
  async handle(ctx, args) {
    const p = await findPerson(ctx.m, args.人);
    const { removed, missing } = await revokeRoles(ctx, p, rolesFrom(args.角色));
    if (removed.length === 0) return ctx.reply(`${p.name} 没有角色 ${missing.join('、')}，未作修改。`);
    await ctx.reply(
      `✅ ${p.name} ${removed.map((r) => `-${r}`).join(' ')}${missing.length ? `（本无：${missing.join('、')}）` : ''}`,
    );
  },
});

export const personMove = defineCommand({
  name: '人员 调岗',
  group: '目录',
  summary: '把人员调到本部门的另一个窗口（在岗未满1年须写原因码，经中心领导批准后调岗）',
  roles: ['chief_rep', 'hall_office', 'admin'],
  usage: '人员 调岗 <人> 窗口=<号> [原因码=1-5 原因=…]',
  examples: ['人员 调岗 李四 窗口=13', '人员 调岗 张三 窗口=12 原因码=3 原因=业务骨干调整到户籍窗口'],
  rules: ['STF-01'],
  positional: ['人'],
  args: () =>
    z.object({
      人: z.string({ error: '缺少人员' }),
      窗口: z.string({ error: '缺少窗口' }).transform(windowNumberOf).describe('窗口号'),
      原因码: reasonCode,
      原因: z.string().trim().min(2, { message: '请写明原因' }).optional(),
    }),
  async handle(ctx, args) {
    const p = await findPerson(ctx.m, args.人);
    const r = await requestMove(ctx, p, args.窗口, { reasonCode: args.原因码, reason: args.原因 });
    if (r.moved)
      return ctx.reply(
        `✅ ${p.name} ${r.from ? `${r.from}号窗` : '（无窗口）'} → ${r.to}号窗${p.departmentCode ? `（${p.departmentCode}）` : ''}`,
      );
    await ctx.reply(
      `⚠️ ${p.name}在岗未满1年（${r.months}个月），已送中心领导审批（${r.approval}），批准后调岗（rule STF-01）`,
    );
  },
});

export const groupList = defineCommand({
  name: '群 列表',
  aliases: ['群 查看'],
  group: '设置',
  summary: '列出通知群：键、名称、chatid/机器人、人数、是否已建群',
  roles: ['admin', 'hall_office'],
  usage: '群 列表',
  examples: ['群 列表'],
  rules: ['DIR-01'],
  args: () => z.object({}),
  async handle(ctx) {
    // conventions (docs/architecture.md) order: the four center groups, then G-DEPT-<code> alphabetically.
    const rank = (k: string) => ['G-HALL', 'G-OFFICE', 'G-LEAD', 'G-GUIDE'].indexOf(k) + 1 || 9;
    const groups = (await ctx.m.find(GroupChat)).sort(
      (x, y) => rank(x.key) - rank(y.key) || x.key.localeCompare(y.key),
    );
    const lines = groups.map((g) => {
      const n = g.members?.length ?? 0;
      const target = g.webhook
        ? `机器人 ${maskWebhook(g.webhook)}`
        : g.chatid
          ? `chatid ${g.chatid}｜${g.created ? '已建群' : '未建群'}${n < 2 ? '（不足2人，私信送达）' : ''}`
          : '未绑定（私信送达）';
      return `${g.key} ${g.name}｜${target}｜${n}人`;
    });
    await replyList(ctx, `通知群 ${groups.length}个`, lines);
  },
});

export const groupBind = defineCommand({
  name: '群 绑定',
  group: '设置',
  summary: '把通知群绑定到企业微信群聊（chatid）或群机器人（webhook）',
  roles: ['admin'],
  usage: '群 绑定 <G-键> chatid=…|webhook=… [名称=…]',
  examples: [
    '群 绑定 G-GUIDE chatid=guide01',
    '群 绑定 G-DEPT-GA webhook=https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…',
  ],
  rules: ['DIR-01'],
  positional: ['键'],
  args: () =>
    z.object({
      键: z.string({ error: '缺少群键' }).describe('G-HALL/G-OFFICE/G-LEAD/G-GUIDE/G-DEPT-<部门代码>'),
      chatid: z.string().trim().optional(),
      webhook: z.string().trim().optional(),
      名称: z.string().trim().min(1).max(64).optional(),
    }),
  async handle(ctx, args) {
    const g = await bindGroup(ctx, args.键, { chatid: args.chatid, webhook: args.webhook }, args.名称);
    const n = g.members?.length ?? 0;
    const target = g.webhook ? `机器人 ${maskWebhook(g.webhook)}` : `chatid ${g.chatid}`;
    const lines = [`✅ ${g.key} → 群“${g.name}”（${target}，${n}人）`];
    if (g.chatid && n < 2) lines.push('成员不足2人，消息将逐人私信送达（D11）。');
    await ctx.reply(lines.join('\n'));
  },
});

export const chiefSet = defineCommand({
  name: '首席代表 设置',
  group: '目录',
  summary: '为尚无首席代表的部门设置首席代表',
  roles: ['hall_office', 'admin'],
  usage: '首席代表 设置 <部门> <人>',
  examples: ['首席代表 设置 GA 王五'],
  rules: ['DIR-02', 'STF-01'],
  positional: ['部门', '人'],
  args: () => z.object({ 部门: z.string({ error: '缺少部门' }), 人: z.string({ error: '缺少人员' }) }),
  async handle(ctx, args) {
    const d = await findDepartment(ctx.m, args.部门);
    const p = await findPerson(ctx.m, args.人);
    await setChief(ctx, d, p);
    await ctx.reply(`✅ ${d.code} 首席代表：${p.name}（${localDate(ctx.now)}起）`);
  },
});

export const chiefReplace = defineCommand({
  name: '首席代表 更换',
  group: '目录',
  summary: '更换部门首席代表（原首席代表同时卸任）',
  roles: ['hall_office'],
  usage: '首席代表 更换 <部门> <人> 原因=… [原因码=1-5]',
  examples: ['首席代表 更换 GA 赵六 原因=原首席代表调回派驻单位'],
  rules: ['DIR-02', 'STF-01'],
  positional: ['部门', '人'],
  args: () =>
    z.object({
      部门: z.string({ error: '缺少部门' }),
      人: z.string({ error: '缺少人员' }),
      原因: z.string({ error: '缺少原因' }).trim().min(2, { message: '请写明原因' }),
      原因码: reasonCode,
    }),
  async handle(ctx, args) {
    const d = await findDepartment(ctx.m, args.部门);
    const p = await findPerson(ctx.m, args.人);
    const r = await requestChiefChange(ctx, d, p, args.原因, args.原因码);
    if (r.replaced) return ctx.reply(`✅ ${d.code} 首席代表 ${r.old.name} → ${p.name}（${localDate(ctx.now)}起）`);
    await ctx.reply(
      `⚠️ ${d.code} 首席代表在岗未满1年（${r.months}个月），更换已送中心领导审批（${r.approval}）（rule STF-01）`,
    );
  },
});
