import { z } from 'zod';
import { Department } from '../entities/department';
import { defineCommand } from '../src/kernel/command';
import { findDepartment, findPerson } from '../src/kernel/directory';
import { hasRole } from '../src/kernel/permissions';
import { replyList } from '../src/kernel/replies';
import { localDate, monthBounds } from '../src/kernel/time';
import { gradeStaff } from '../src/domain/awards/grades';
import { honoursOf, renderHonours } from '../src/domain/awards/honours';
import { deptIndicators, indicatorLine, type Period, staffDossier } from '../src/domain/awards/indicators';
import { guideLines } from '../src/domain/awards/guides';
import { findNominee, nominate } from '../src/domain/awards/nominations';

// 进驻部门及人员 绩效 (PRF-10…17; docs/commands.md): indicators and the annual dossier, the commendation list,
// annual grades with their written notice, and 评优推荐 as an approval to 大厅管理室.

const YEAR = z.coerce.number().int().min(2022).max(2100);

export const performanceIndicators = defineCommand({
  name: '绩效 指标',
  group: '绩效',
  summary: '进驻部门绩效指标：首问、一次性告知、限时办结、巡查问题、通报、整改，及导服工作；写年份看年度档案',
  roles: ['hall_office', 'leader', 'supervisor', 'chief_rep'],
  usage: '绩效 指标 [月份|年份] [部门=]',
  examples: ['绩效 指标 上月', '绩效 指标 2026-02 部门=GA', '绩效 指标 2025 部门=GA'],
  rules: ['PRF-10', 'PRF-11', 'PRF-12', 'CAS-19'],
  positional: ['期间'],
  args: (t) =>
    z.object({ 期间: z.union([z.string().regex(/^\d{4}$/), t.month('月份')]).optional(), 部门: z.string().optional() }),
  async handle(ctx, a) {
    const raw = a.期间 ?? localDate(ctx.now).slice(0, 7);
    const yearly = /^\d{4}$/.test(raw);
    const p: Period = yearly
      ? { label: `${raw}年`, first: `${raw}-01-01`, last: `${raw}-12-31` }
      : { label: `${Number(raw.slice(5))}月`, ...monthBounds(`${raw}-01`) };
    let code = a.部门 ? (await findDepartment(ctx.m, a.部门)).code : undefined;
    // DIR-10: a 首席代表 sees only its own department.
    if (!hasRole(ctx.actor, 'hall_office', 'leader', 'supervisor')) code = ctx.actor.departmentCode ?? '—';
    const codes = code
      ? [code]
      : (await ctx.m.find(Department, { where: { inactive: false }, order: { code: 'ASC' } })).map((d) => d.code);
    const rows = await deptIndicators(ctx, p, codes);
    const lines = rows.map((r) => indicatorLine(p, r));
    // D188: the guides belong to the hall; their line is in the centre's view of all departments.
    if (!code) lines.push(...(await guideLines(ctx, p)));
    if (yearly && code) lines.push(`人员年度档案：\n${(await staffDossier(ctx, Number(raw), code)).join('\n')}`);
    await replyList(ctx, `${p.label}${yearly ? '绩效档案' : '绩效指标'}${code ? ` ${code}` : ''}`, lines);
  },
});

export const honoursList = defineCommand({
  name: '表彰 名单',
  group: '绩效',
  summary: '年度表彰名单：已获评奖项、个人与单位候选、已取消评优资格',
  roles: ['hall_office', 'leader', 'supervisor'],
  usage: '表彰 名单 [年份]',
  examples: ['表彰 名单', '表彰 名单 2025'],
  rules: ['PRF-12', 'PRF-16', 'PRF-17'],
  positional: ['年份'],
  args: () => z.object({ 年份: YEAR.optional() }),
  async handle(ctx, a) {
    const year = a.年份 ?? Number(localDate(ctx.now).slice(0, 4));
    await ctx.reply(renderHonours(year, await honoursOf(ctx, year)));
  },
});

export const annualGrade = defineCommand({
  name: '年度 等次',
  group: '绩效',
  summary: '登记进驻人员年度考核等次，并书面通知所在部门首席代表',
  roles: ['hall_office'],
  usage: '年度 等次 <人> 优秀|称职|基本称职|不称职 年度=<年> [说明=]',
  examples: ['年度 等次 李四 优秀 年度=2025'],
  rules: ['PRF-13', 'PRF-15', 'OPEN #53'],
  positional: ['人员', '等次'],
  args: () =>
    z.object({
      人员: z.string().describe('人员'),
      等次: z.string().describe('等次'),
      年度: YEAR.describe('年度'),
      说明: z.string().max(200).optional(),
    }),
  async handle(ctx, a) {
    const p = await findPerson(ctx.m, a.人员);
    await ctx.reply(await gradeStaff(ctx, p, a.等次, a.年度, a.说明));
  },
});

export const awardNominate = defineCommand({
  name: '评优 推荐',
  group: '绩效',
  summary: '首席代表推荐本单位人员或窗口评优，送大厅管理室审定（评优资格已取消的不能推荐）',
  roles: ['chief_rep'],
  usage: '评优 推荐 <人|窗口> 奖项=<奖项> 理由=…',
  examples: [
    '评优 推荐 李四 奖项=服务标兵 理由=全年零差评，办件量居前',
    '评优 推荐 12号窗 奖项=红旗窗口 理由=全年无投诉',
  ],
  rules: ['PRF-16', 'PRF-17', 'DIR-03'],
  positional: ['对象'],
  args: () =>
    z.object({
      对象: z.string().describe('人员或窗口'),
      奖项: z.string().describe('奖项'),
      理由: z.string().min(4).max(500).describe('推荐理由'),
    }),
  async handle(ctx, a) {
    await ctx.reply(await nominate(ctx, await findNominee(ctx.m, a.对象), a.奖项, a.理由));
  },
});
