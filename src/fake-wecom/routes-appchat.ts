import { fail, ok, type FakeRequest, type Reply, type Routes } from './http';
import type { FakeWecomState } from './state';
import { checkContent, feedContent } from './validate';

// App group chats (WeCom doc 90245). Errcodes: 86001 bad chatid, 86003 not found, 86004 bad name,
// 86005 bad owner, 86006 member count outside 2–2000, 86215 chatid exists, 86216 unknown member.

const CHATID = /^[0-9a-zA-Z]{1,32}$/;
const MIN_MEMBERS = 2;
const MAX_MEMBERS = 2000;

const lower = (v: unknown): string[] => (Array.isArray(v) ? v.map((u) => String(u).toLowerCase()) : []);

function members(list: string[], s: FakeWecomState): Reply | undefined {
  if (list.length < MIN_MEMBERS || list.length > MAX_MEMBERS)
    return fail(86006, `chat member count must be ${MIN_MEMBERS}–${MAX_MEMBERS}`);
  const unknown = list.filter((u) => !s.isKnownUser(u));
  return unknown.length ? fail(86216, `invalid member ${unknown.join('|')}`) : undefined;
}

function create(req: FakeRequest, s: FakeWecomState): Reply {
  const body = req.json ?? {};
  const name = typeof body.name === 'string' ? body.name : '';
  if (Array.from(name).length > 50) return fail(86004, 'chat name longer than 50 characters');
  const userlist = [...new Set(lower(body.userlist))];
  const problem = members(userlist, s);
  if (problem) return problem;
  const owner = body.owner === undefined ? userlist[0] : String(body.owner).toLowerCase();
  if (!userlist.includes(owner)) return fail(86005, 'owner must be in userlist');
  const chatid = body.chatid === undefined ? `fakechat${s.nextId()}` : String(body.chatid);
  if (!CHATID.test(chatid)) return fail(86001, 'invalid chatid');
  if (s.chats.has(chatid)) return fail(86215, 'chatid exists');
  s.chats.set(chatid, { chatid, name, owner, userlist });
  return ok({ chatid });
}

function update(req: FakeRequest, s: FakeWecomState): Reply {
  const body = req.json ?? {};
  const chat = s.chats.get(String(body.chatid ?? ''));
  if (!chat) return fail(86003, 'chatid not found');
  const adds = lower(body.add_user_list);
  const dels = lower(body.del_user_list);
  const userlist = [...new Set([...chat.userlist, ...adds])].filter((u) => !dels.includes(u));
  const problem = members(userlist, s);
  if (problem) return problem;
  const owner = body.owner === undefined ? chat.owner : String(body.owner).toLowerCase();
  if (!userlist.includes(owner)) return fail(86005, 'owner must be a member');
  if (typeof body.name === 'string' && Array.from(body.name).length > 50)
    return fail(86004, 'chat name longer than 50 characters');
  Object.assign(chat, { userlist, owner, ...(typeof body.name === 'string' ? { name: body.name } : {}) });
  return ok();
}

function get(req: FakeRequest, s: FakeWecomState): Reply {
  const chat = s.chats.get(req.query.chatid ?? '');
  if (!chat) return fail(86003, 'chatid not found');
  return ok({ chat_info: { ...chat, userlist: [...chat.userlist], chat_type: 0 } });
}

function send(req: FakeRequest, s: FakeWecomState): Reply {
  const body = req.json ?? {};
  const chat = s.chats.get(String(body.chatid ?? ''));
  if (!chat) return fail(86003, 'chatid not found');
  const problem = checkContent(body, 'appchat', s);
  if (problem) return fail(problem.errcode, problem.errmsg);
  s.feedLog.add({ channel: 'chat', to: chat.chatid, ...feedContent(body, s) }, chat.userlist);
  return ok();
}

export const appchatRoutes: Routes = {
  'POST /cgi-bin/appchat/create': create,
  'POST /cgi-bin/appchat/update': update,
  'GET /cgi-bin/appchat/get': get,
  'POST /cgi-bin/appchat/send': send,
};
