import type { Logger } from 'pino';
import type { EntityManager } from 'typeorm';
import { GroupChat } from '../../entities/group-chat';
import { writeAudit } from '../kernel/audit';
import type { Db } from '../db';
import type { WecomPort } from '../wecom/port';
import { deriveMembers, loadState } from './state';

// Group chats of conventions (docs/architecture.md). Members follow the directory; an app chat the bot knows by `chatid` is created
// on WeCom (appchat/create) when WeCom does not know it. Robot webhooks are stored whole (D10) and need nothing.

/**
 * Recompute every group's members after a directory edit in chat (role grant, 调岗, 首席代表), inside the
 * caller's transaction, auditing each group whose list changed. Returns the keys that changed.
 */
export async function refreshGroupMembers(m: EntityManager, now: Date, actor: string): Promise<string[]> {
  const { state, inactive } = await loadState(m);
  const changed: string[] = [];
  for (const g of await m.find(GroupChat, { order: { key: 'ASC' } })) {
    const members = deriveMembers(g.key, state.people.values(), inactive);
    const before = g.members ?? [];
    if (JSON.stringify(before) === JSON.stringify(members)) continue;
    await m.update(GroupChat, { key: g.key }, { members });
    await writeAudit(m, now, actor, 'group.members', 'group_chat', g.key, {
      added: members.filter((u) => !before.includes(u)),
      removed: before.filter((u) => !members.includes(u)),
    });
    changed.push(g.key);
  }
  return changed;
}

export interface EnsureResult {
  /** Created with appchat/create. */
  created: string[];
  /** WeCom already knew the chat; marked created. */
  existing: string[];
  /** Fewer than 2 members: delivered as direct messages instead (D11). */
  skipped: string[];
  failed: { key: string; error: string }[];
}

const MIN_MEMBERS = 2;
const MAX_MEMBERS = 2000;
const CHAT_NOT_FOUND = 86003;

const errcodeOf = (err: unknown) =>
  err && typeof err === 'object' && 'errcode' in err ? Number(err.errcode) : undefined;

/**
 * After an import: every app chat (`chatid`, no webhook) not yet marked `created` is looked up on WeCom;
 * "not found" (86003) → appchat/create with the directory's members (2–2000, WeCom doc 90245). A group with
 * fewer than 2 members is left alone — the sender delivers it as DMs (D11). Runs outside any transaction
 * (design rule 2: nothing is sent from inside one); each success is marked and audited on its own.
 */
export async function ensureGroupChats(
  db: Db,
  wecom: { getAppChat(chatid: string): Promise<unknown>; createAppChat: WecomPort['createAppChat'] },
  log: Pick<Logger, 'info' | 'warn'>,
  /** The clock reading for the audit rows (design rule 5). */
  now: Date,
): Promise<EnsureResult> {
  const result: EnsureResult = { created: [], existing: [], skipped: [], failed: [] };
  const groups = await db.manager.find(GroupChat, { order: { key: 'ASC' } });
  for (const g of groups) {
    if (!g.chatid || g.webhook || g.created) continue;
    const members = g.members ?? [];
    if (members.length < MIN_MEMBERS || members.length > MAX_MEMBERS) {
      log.info({ group: g.key, members: members.length }, 'group chat not created: member count outside 2–2000 (D11)');
      result.skipped.push(g.key);
      continue;
    }
    let outcome: 'created' | 'existing';
    try {
      await wecom.getAppChat(g.chatid);
      outcome = 'existing';
    } catch (err) {
      if (errcodeOf(err) !== CHAT_NOT_FOUND) {
        result.failed.push({ key: g.key, error: err instanceof Error ? err.message : String(err) });
        log.warn({ group: g.key, err }, 'appchat/get failed');
        continue;
      }
      try {
        // appchat/create: name ≤ 50 characters, owner defaults to the first member.
        await wecom.createAppChat({ name: [...g.name].slice(0, 50).join(''), userlist: members, chatid: g.chatid });
        outcome = 'created';
      } catch (e) {
        result.failed.push({ key: g.key, error: e instanceof Error ? e.message : String(e) });
        log.warn({ group: g.key, err: e }, 'appchat/create failed');
        continue;
      }
    }
    await db.tx(async (m) => {
      await m.update(GroupChat, { key: g.key }, { created: true });
      await writeAudit(
        m,
        now,
        'system',
        outcome === 'created' ? 'group.create_chat' : 'group.chat_found',
        'group_chat',
        g.key,
        {
          chatid: g.chatid,
          members: members.length,
        },
      );
    });
    result[outcome].push(g.key);
  }
  return result;
}

export interface SyncResult {
  updated: { key: string; added: string[]; removed: string[] }[];
  failed: { key: string; error: string }[];
}

/**
 * Keep each existing app chat's members equal to the directory's (WeCom doc 90245 appchat/update): people who joined a
 * department are added, people who left it are removed, so a G-DEPT chat never keeps talking to someone who moved
 * on. Runs outside any transaction; each change is audited.
 */
export async function syncGroupMembers(
  db: Db,
  wecom: Pick<WecomPort, 'getAppChat' | 'updateAppChat'>,
  log: Pick<Logger, 'info' | 'warn'>,
  now: Date,
): Promise<SyncResult> {
  const result: SyncResult = { updated: [], failed: [] };
  const groups = await db.manager.find(GroupChat, { where: { created: true }, order: { key: 'ASC' } });
  for (const g of groups) {
    if (!g.chatid || g.webhook) continue;
    try {
      const info = await wecom.getAppChat(g.chatid);
      const onWecom = new Set(info.userlist.map((u) => u.toLowerCase()));
      const wanted = new Set(g.members ?? []);
      const added = [...wanted].filter((u) => !onWecom.has(u));
      // Never empty a chat below WeCom's minimum of 2 members; the owner stays.
      const removed = [...onWecom].filter((u) => !wanted.has(u) && u !== info.owner?.toLowerCase());
      if (added.length === 0 && removed.length === 0) continue;
      await wecom.updateAppChat({ chatid: g.chatid, add_user_list: added, del_user_list: removed });
      await db.tx((m) => writeAudit(m, now, 'system', 'group.sync_members', 'group_chat', g.key, { added, removed }));
      result.updated.push({ key: g.key, added, removed });
      log.info({ group: g.key, added: added.length, removed: removed.length }, 'app chat members synced');
    } catch (err) {
      result.failed.push({ key: g.key, error: err instanceof Error ? err.message : String(err) });
      log.warn({ group: g.key, err }, 'app chat member sync failed');
    }
  }
  return result;
}
