import type { EntityManager } from 'typeorm';
import { GroupChat } from '../../entities/group-chat';

/** Where a group message actually goes (conventions (docs/architecture.md) groups; D10, D11). */
export type GroupRoute =
  | { kind: 'chat'; chatid: string; group: GroupChat }
  | { kind: 'robot'; webhook: string; group: GroupChat }
  | { kind: 'dm'; userids: string[]; group: GroupChat }
  | { kind: 'missing' };

export async function routeGroup(m: EntityManager, key: string): Promise<GroupRoute> {
  const group = await m.findOne(GroupChat, { where: { key } });
  if (!group) return { kind: 'missing' };
  if (group.webhook) return { kind: 'robot', webhook: group.webhook, group };
  const members = group.members ?? [];
  // D11: appchat needs 2–2000 members; a smaller group is delivered as direct messages.
  if (!group.chatid || members.length < 2) return { kind: 'dm', userids: members, group };
  return { kind: 'chat', chatid: group.chatid, group };
}
