import { GroupChat } from '../../entities/group-chat';
import type { TestBot } from '../helpers/bot';

// Shared by the complaints-*.test.ts files: the respondent side's whole feed, for REC-01 masking checks.

/** GA's people (首席代表 王五, 李四, 张三) and the department robot G-DEPT-GA. */
export const GA_PEOPLE = ['wangwu', 'lisi', 'zhangsan'];

/** Every item delivered to the respondent side, serialised (text, markdown, cards and card updates). */
export async function respondentFeed(t: TestBot, people = GA_PEOPLE, group = 'G-DEPT-GA'): Promise<string[]> {
  const g = await t.bot.deps.db.manager.findOne(GroupChat, { where: { key: group } });
  const robotKey = g?.webhook ? /key=([^&]+)/.exec(g.webhook)?.[1] : undefined;
  return t.fake.state.feedLog
    .all()
    .filter(
      (i) =>
        (i.channel === 'dm' && (i.to as string[]).some((u) => people.includes(u))) ||
        (i.channel === 'robot' && i.to === robotKey) ||
        (i.channel === 'chat' && g?.chatid && i.to === g.chatid),
    )
    .map((i) => JSON.stringify({ text: i.text, markdown: i.markdown, card: i.card, body: i.body, state: i.cardState }));
}

/** The newest card delivered to `userid` carrying a button key starting with `prefix`. */
export function lastCardWith(t: TestBot, userid: string, prefix: string) {
  return [...t.cardsTo(userid)]
    .reverse()
    .find((i) => ((i.card?.button_list as { key: string }[] | undefined) ?? []).some((b) => b.key.startsWith(prefix)));
}

/** Card fields as `{ key: value }`. */
export function cardFields(card: Record<string, unknown> | undefined): Record<string, string> {
  const list = (card?.horizontal_content_list as { keyname: string; value: string }[] | undefined) ?? [];
  return Object.fromEntries(list.map((f) => [f.keyname, f.value]));
}

/** Register a complaint about 12号窗 as 赵敏 (hall_office) and return its number. */
export async function register(t: TestBot, extra = ''): Promise<string> {
  const channel = extra.includes('方式=') ? '' : '方式=投诉登记本 ';
  await t.say(
    'zhao',
    `投诉 登记 对象=12号窗 事项=办理户籍迁入时态度生硬 ${channel}姓名=王某 电话=13912345678 类别=服务态度 ${extra}`.trim(),
  );
  const m = /✅ (TS\d{4}-\d{4})/.exec(t.lastTextTo('zhao'));
  if (!m) throw new Error(`registration failed: ${t.lastTextTo('zhao')}`);
  return m[1];
}

/** Both CMP-09 interview records. */
export async function investigateBoth(t: TestBot, no: string): Promise<void> {
  await t.say('zhao', `投诉 调查 ${no} 对象=投诉人 记录=投诉人陈述经过`);
  await t.say('zhao', `投诉 调查 ${no} 对象=被投诉人 记录=李四作出解释`);
}
