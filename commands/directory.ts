import { z } from 'zod';
import { In } from 'typeorm';
import { Department } from '../entities/department';
import { Person } from '../entities/person';
import { PersonRole, ROLE_NAMES } from '../entities/person-role';
import { HallWindow } from '../entities/window';
import { findDepartment, findPerson, findWindow, personName } from '../src/kernel/directory';
import { seesPersonalData, maskPhone } from '../src/kernel/mask';
import { replyList } from '../src/kernel/replies';
import { defineCommand } from '../src/kernel/command';
import { localDate } from '../src/kernel/time';
import { loadWindowRecords } from '../src/domain/windows/state';
import { stateText } from './window-replies';

// DIR-01, DIR-06, DIR-08: the directory as people see it in chat.

export const whoAmI = defineCommand({
  name: '我是谁',
  group: '常用',
  summary: '查看你的姓名、部门、窗口和角色',
  roles: 'all',
  usage: '我是谁',
  examples: ['我是谁'],
  args: () => z.object({}),
  async handle(ctx) {
    const a = ctx.actor;
    const dept = a.departmentCode ? await ctx.m.findOne(Department, { where: { code: a.departmentCode } }) : null;
    const roles = a.roles.map((r) => ROLE_NAMES[r]).join('、') || '无';
    await ctx.reply(
      [
        `${a.name}（${a.userid}）`,
        `部门：${dept ? `${dept.code} ${dept.name}` : '—'}`,
        `窗口：${a.windowNumber ? `${a.windowNumber}号窗` : '—'}`,
        `角色：${roles}`,
        a.flags.length ? `标记：${a.flags.join('、')}` : '',
      ]
        .filter(Boolean)
        .join('\n'),
    );
  },
});

export const personView = defineCommand({
  name: '人员 查看',
  aliases: ['人员', '人员 列表'],
  group: '目录',
  summary: '查看人员信息；不带参数列出全部',
  roles: 'all',
  usage: '人员 查看 [姓名|userid]',
  examples: ['人员 查看 李四', '人员 查看'],
  rules: ['DIR-08', 'REC-07'],
  positional: ['人'],
  args: () => z.object({ 人: z.string().optional(), 部门: z.string().optional() }),
  async handle(ctx, args) {
    if (!args.人) {
      const where = args.部门 ? { departmentCode: (await findDepartment(ctx.m, args.部门)).code } : {};
      const people = await ctx.m.find(Person, {
        where: { ...where, inactive: false },
        order: { departmentCode: 'ASC', userid: 'ASC' },
      });
      await replyList(
        ctx,
        `人员 ${people.length}人`,
        people.map((p) =>
          `${p.name}（${p.userid}）${p.departmentCode ?? ''} ${p.windowNumber ? `${p.windowNumber}号窗` : ''} ${p.status}`.trim(),
        ),
      );
      return;
    }
    const p = await findPerson(ctx.m, args.人);
    const roles = await ctx.m.find(PersonRole, { where: { userid: p.userid } });
    const partner = p.abPartner ? await personName(ctx.m, p.abPartner) : '';
    const phone = p.phone ? (seesPersonalData(ctx.actor.roles) ? p.phone : maskPhone(p.phone)) : '';
    await ctx.reply(
      [
        `${p.name}（${p.userid}）${p.departmentCode ?? ''} ${p.windowNumber ? `${p.windowNumber}号窗` : ''} ${p.status}`.trim(),
        p.zone ? `区域 ${p.zone}` : '',
        p.stationedSince ? `入岗 ${p.stationedSince}` : '',
        partner ? `B岗 ${partner}` : '',
        p.grade ? `岗位等级 ${p.grade}` : '', // DIR-15
        p.certificate ? `证书 ${p.certificate}` : '',
        phone ? `电话 ${phone}` : '',
        `角色：${roles.map((r) => ROLE_NAMES[r.role]).join('、') || '无'}`,
      ]
        .filter(Boolean)
        .join('｜'),
    );
  },
});

export const windowView = defineCommand({
  name: '窗口 查看',
  aliases: ['窗口 列表'],
  group: '目录',
  summary: '查看窗口信息；不带参数列出全部',
  roles: 'all',
  usage: '窗口 查看 [窗口号]',
  examples: ['窗口 查看 12', '窗口 查看'],
  rules: ['DIR-06', 'DIR-07', 'DIR-09'],
  positional: ['窗口'],
  args: () => z.object({ 窗口: z.string().optional(), 部门: z.string().optional() }),
  async handle(ctx, args) {
    if (!args.窗口) {
      const where = args.部门 ? { departmentCode: (await findDepartment(ctx.m, args.部门)).code } : {};
      const windows = await ctx.m.find(HallWindow, { where });
      windows.sort((a, b) => a.number.localeCompare(b.number, 'zh', { numeric: true }));
      const rec = await loadWindowRecords(ctx.m);
      await replyList(
        ctx,
        `窗口 ${windows.length}个`,
        windows.map(
          (w) => `${w.number}号窗 ${w.name}｜${w.departmentCode ?? '—'}｜${stateText(w, rec, localDate(ctx.now)).text}`,
        ),
      );
      return;
    }
    const w = await findWindow(ctx.m, args.窗口);
    // D38: the state on today's date, the same text as 窗口 状态.
    const state = stateText(w, await loadWindowRecords(ctx.m, w.departmentCode ?? undefined), localDate(ctx.now));
    const staff = await ctx.m.find(Person, { where: { windowNumber: w.number, inactive: false } });
    await ctx.reply(
      [
        `${w.number}号窗 ${w.name}`,
        `${w.zone ?? ''}${w.floor ? `${w.floor}楼` : ''} ${w.kind ?? ''} ${w.departmentCode ?? ''}`.trim(),
        `状态：${state.text}`,
        `人员：${staff.map((p) => p.name).join('、') || '—'}`,
        w.devices?.length ? `设备：${w.devices.join('、')}` : '',
      ]
        .filter(Boolean)
        .join('\n'),
    );
  },
});

export const departmentView = defineCommand({
  name: '部门 查看',
  aliases: ['部门 列表'],
  group: '目录',
  summary: '查看部门信息；不带参数列出全部',
  roles: 'all',
  usage: '部门 查看 [部门代码]',
  examples: ['部门 查看 GA', '部门 查看'],
  rules: ['DIR-01', 'DIR-03'],
  positional: ['部门'],
  args: () => z.object({ 部门: z.string().optional() }),
  async handle(ctx, args) {
    if (!args.部门) {
      const depts = await ctx.m.find(Department, { where: { inactive: false }, order: { code: 'ASC' } });
      const chiefs = await ctx.m.find(Person, {
        where: { userid: In(depts.map((d) => d.chiefRep).filter((x): x is string => !!x)) },
      });
      const nameOf = new Map(chiefs.map((p) => [p.userid, p.name]));
      await replyList(
        ctx,
        `部门 ${depts.length}个`,
        depts.map(
          (d) => `${d.code} ${d.name}｜首席代表 ${d.chiefRep ? (nameOf.get(d.chiefRep) ?? d.chiefRep) : '未设置'}`,
        ),
      );
      return;
    }
    const d = await findDepartment(ctx.m, args.部门);
    const windows = await ctx.m.find(HallWindow, { where: { departmentCode: d.code } });
    const staff = await ctx.m.count(Person, { where: { departmentCode: d.code, inactive: false } });
    const chief = d.chiefRep ? await personName(ctx.m, d.chiefRep) : '未设置';
    const leaderPhone = d.deptLeaderPhone
      ? seesPersonalData(ctx.actor.roles)
        ? d.deptLeaderPhone
        : maskPhone(d.deptLeaderPhone)
      : '';
    await ctx.reply(
      [
        `${d.code} ${d.name}${d.parentUnit ? `（派驻：${d.parentUnit}）` : ''}`,
        `首席代表 ${chief}${d.deptLeaderName ? `｜分管领导 ${d.deptLeaderName}${leaderPhone ? ` ${leaderPhone}` : ''}` : ''}`,
        `窗口 ${
          windows
            .map((w) => w.number)
            .sort((a, b) => a.localeCompare(b, 'zh', { numeric: true }))
            .join(',') || '—'
        }｜进驻 ${staff}人`,
      ].join('\n'),
    );
  },
});
