import { z } from 'zod';
import { recordReferral } from '../src/domain/referrals';
import { cnDate, localDate } from '../src/kernel/time';
import { defineCommand } from '../src/kernel/command';

// ACC-05 (docs/commands.md): `移交 登记`; `投诉 移交` is the same command (§3.2).
export const referralRecord = defineCommand({
  name: '移交 登记',
  aliases: ['投诉 移交'],
  group: '整改问效',
  summary: '登记移交纪委监委、纪检监察组、公安机关或派驻部门的事项',
  roles: ['hall_office'],
  usage: '移交 登记 <来源号> 机关=纪委监委|纪检监察组|公安|派驻部门 摘要=…',
  examples: [
    '移交 登记 TS2026-0012 机关=旗纪委监委 摘要=涉嫌收受好处',
    '投诉 移交 TS12 机关=公安 说明=恶意投诉扰乱秩序',
  ],
  rules: ['ACC-05', 'CMP-18', 'CMP-19', 'BRF-09', 'INS-11'],
  positional: ['来源'],
  args: () =>
    z
      .object({
        来源: z.string().min(2).describe('来源记录编号'),
        机关: z.string().min(2).describe('接收机关'),
        摘要: z.string().min(2).optional(),
        说明: z.string().min(2).optional(),
      })
      .refine((a) => a.摘要 || a.说明, { message: '请写明移交摘要（摘要=…）', path: ['摘要'] }),
  async handle(ctx, args) {
    const source = args.来源.toUpperCase();
    const r = await recordReferral(ctx, source, args.机关, (args.摘要 ?? args.说明)!);
    await ctx.reply(`✅ ${source} 已登记移交 ${r.body}（${cnDate(localDate(ctx.now))}）`);
  },
});
