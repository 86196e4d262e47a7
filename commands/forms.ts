import { z } from 'zod';
import { formLink, type FormDef } from '../src/kernel/forms';
import { UserError } from '../src/kernel/errors';
import { mayRun } from '../src/kernel/permissions';
import { complaintForm } from './complaints-form';
import { WINDOW_FORMS } from '../src/domain/windows/forms';
import { defineCommand } from '../src/kernel/command';
import { SUPERVISION_FORMS } from './supervision-forms';
import { allCommands } from './registry';

/** Every H5 form (commands.md §4): literal table; each row submits to one command. */
export const FORMS: FormDef[] = [
  ...WINDOW_FORMS, // 附件1, 附件2, 季节窗口计划, 停办备案表, 高峰预案 (issue 8)
  complaintForm, // 投诉登记表 (OPEN #14)
  ...SUPERVISION_FORMS, // 巡查记录, 异议, 约谈记录, 口头/书面通报编辑, 整改方案 (issue 7)
];

export function findForm(nameOrKind: string): FormDef | undefined {
  const s = nameOrKind.trim();
  return FORMS.find((f) => f.kind === s || f.title === s || (f.aliases ?? []).includes(s));
}

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
    const allowed = FORMS.filter((f) => {
      const cmd = allCommands().find((c) => c.name === f.command);
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
    const form = findForm(args.名称);
    if (!form) throw new UserError(`没有“${args.名称}”这个表单。发送“表单”查看可填写的表单。`);
    if (!allowed.includes(form)) throw new UserError(`你没有权限填写“${form.title}”。`);
    await ctx.reply(`${form.title}：${await formLink(ctx, form.kind)}`);
  },
});
