import { z } from 'zod';
import { findForm, formLink } from '../src/kernel/forms';
import { UserError } from '../src/kernel/errors';
import { mayRun } from '../src/kernel/permissions';
import { defineCommand } from '../src/kernel/command';

export const formCommand = defineCommand({
  name: '表单',
  group: '常用',
  summary: '获取填写表单的链接（企业微信内打开）',
  roles: 'all',
  usage: '表单 <名称>',
  examples: ['表单 窗口临时关闭（重启）申请表'],
  positional: ['名称'],
  args: () => z.object({ 名称: z.string().optional() }),
  async handle(ctx, args) {
    const { forms, commands } = ctx.deps.tables;
    const allowed = forms.filter((f) => {
      const cmd = commands.find((c) => c.name === f.command);
      return cmd && mayRun(ctx.actor, cmd);
    });
    if (!args.名称) {
      await ctx.reply(
        allowed.length
          ? `你可以填写的表单：\n${allowed.map((f) => `· ${f.title}`).join('\n')}\n发送“表单 <名称>”获取链接。`
          : '暂无你可以填写的表单。',
      );
      return;
    }
    const form = findForm(forms, args.名称);
    if (!form) throw new UserError(`没有“${args.名称}”这个表单。发送“表单”查看可填写的表单。`);
    if (!allowed.includes(form)) throw new UserError(`你没有权限填写“${form.title}”。`);
    await ctx.reply(`${form.title}：${await formLink(ctx, form.kind)}`);
  },
});
