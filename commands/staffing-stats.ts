import { z } from 'zod';
import { setAbPost, setGrade, uncertified, uncertifiedLine, unifiedRatio } from '../src/domain/staffing/stats';
import { defineCommand } from '../src/kernel/command';
import { replyList } from '../src/kernel/replies';

// DIR-09 AB岗, DIR-14 无差别综合窗口比例 (OPEN #9), DIR-15 岗位等级与持证 (003 措施6, 措施12).

export const statsUnified = defineCommand({
  name: '统计 综合窗口',
  group: '目录',
  summary: '无差别综合窗口设置比例（不低于80%）',
  roles: ['hall_office', 'leader'],
  usage: '统计 综合窗口',
  examples: ['统计 综合窗口'],
  rules: ['DIR-14', 'OPEN #9'],
  args: () => z.object({}),
  async handle(ctx) {
    const r = await unifiedRatio(ctx);
    if (r.total === 0) return ctx.reply('目录中没有综合窗口（窗口类型为综合一窗类型或分领域综合）。');
    const ok = r.pct >= r.min ? '✅' : '❌';
    await ctx.reply(`无差别 ${r.unified} / ${r.total} = ${r.pct}% ${ok}（≥${r.min}%）`);
  },
});

export const statsCertified = defineCommand({
  name: '统计 持证',
  group: '目录',
  summary: '综合窗口未持证上岗人员',
  roles: ['hall_office', 'leader'],
  usage: '统计 持证',
  examples: ['统计 持证'],
  rules: ['DIR-15'],
  args: () => z.object({}),
  async handle(ctx) {
    const u = await uncertified(ctx);
    await replyList(
      ctx,
      `综合窗口人员 ${u.all}人，未持证 ${u.missing.length}人`,
      u.missing.map(uncertifiedLine),
      `综合窗口人员 ${u.all}人，均已持证 ✅`,
    );
  },
});

export const personGrade = defineCommand({
  name: '人员 证书',
  aliases: ['人员 等级'],
  group: '目录',
  summary: '登记人员岗位等级（初/中/高）和职业技能等级证书',
  roles: ['hall_office', 'admin'],
  usage: '人员 证书 <人> [等级=初|中|高] [证书=…|无]',
  examples: ['人员 证书 何欣 等级=中 证书=政务服务办事员四级'],
  rules: ['DIR-15'],
  positional: ['人'],
  args: () =>
    z.object({
      人: z.string({ error: '缺少人员' }),
      等级: z.enum(['初', '中', '高'], { error: '等级应为 初、中 或 高' }).optional(),
      证书: z.string().trim().min(1).max(64).optional(),
    }),
  async handle(ctx, args) {
    const p = await setGrade(ctx, args.人, args.等级, args.证书);
    await ctx.reply(`✅ ${p.name} 岗位等级 ${p.grade ?? '—'}｜证书 ${p.certificate ?? '未持证'}`);
  },
});

export const abPostSet = defineCommand({
  name: 'AB岗 设置',
  group: '目录',
  summary: '设置窗口A岗人员的B岗（A岗不在时顶上，窗口不断档）',
  roles: ['chief_rep', 'hall_office'],
  usage: 'AB岗 设置 <窗口> A=<人> B=<人>',
  examples: ['AB岗 设置 12 A=李四 B=张三'],
  rules: ['DIR-09'],
  positional: ['窗口'],
  args: () =>
    z.object({
      窗口: z.string({ error: '缺少窗口' }),
      A: z.string({ error: '缺少A岗人员' }),
      B: z.string({ error: '缺少B岗人员' }),
    }),
  async handle(ctx, args) {
    const { w, a, b } = await setAbPost(ctx, args.窗口, args.A, args.B);
    await ctx.reply(`✅ ${w.number}号窗 A ${a.name} / B ${b.name}`);
  },
});
