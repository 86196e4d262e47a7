import { fail, ok, type FakeRequest, type Reply, type Routes } from './http';
import type { FakeWecomState } from './state';
import { RESPONSE_CODE_TTL_MS } from './state';
import { checkContent, feedContent, INTERACTIVE_CARDS } from './validate';

// App messages (WeCom doc 90236–§3.5).

/** Errcode for a used, unknown or expired response_code. WeCom's real code is unverified (§3.4): we chose 40058. */
export const RESPONSE_CODE_ERRCODE = 40058;
const RECALL_WINDOW_MS = 24 * 3_600_000;

const splitIds = (v: unknown): string[] =>
  typeof v === 'string'
    ? v
        .split('|')
        .map((x) => x.trim())
        .filter(Boolean)
    : [];

function send(req: FakeRequest, s: FakeWecomState): Reply {
  const body = req.json ?? {};
  if (Number(body.agentid) !== s.agentId) return fail(40056, 'invalid agentid');
  const users = splitIds(body.touser);
  const parties = splitIds(body.toparty);
  const tags = splitIds(body.totag);
  if (!users.length && !parties.length && !tags.length) return fail(82001, 'All touser & toparty & totag invalid');
  const problem = checkContent(body, 'app', s);
  if (problem) return fail(problem.errcode, problem.errmsg);
  const card = body.template_card as Record<string, unknown> | undefined;
  const taskId = body.msgtype === 'template_card' && typeof card?.task_id === 'string' ? card.task_id : undefined;

  // enable_duplicate_check: an identical request within the interval is accepted but not delivered again (§3.2, D8).
  const dupKey = JSON.stringify(body);
  const interval = Number(body.duplicate_check_interval ?? 1800) * 1000;
  const previous = Number(body.enable_duplicate_check) === 1 ? s.duplicates.get(dupKey) : undefined;
  if (previous && s.now() - previous.at < interval)
    return ok({ invaliduser: '', invalidparty: '', invalidtag: '', unlicenseduser: '', msgid: previous.msgid });

  if (taskId !== undefined && s.taskIds.has(taskId))
    return fail(42014, 'taskid has existed or empty or exceed max len');

  const wanted = users.includes('@all') ? s.allUsers() : users.map((u) => u.toLowerCase());
  const valid = wanted.filter((u) => s.isKnownUser(u));
  const invalid = users.includes('@all') ? [] : wanted.filter((u) => !s.isKnownUser(u));
  if (!valid.length && !parties.length && !tags.length && !users.includes('@all')) {
    return { ...fail(81013, 'user & party & tag all invalid'), invaliduser: invalid.join('|') };
  }
  if (taskId !== undefined) s.taskIds.add(taskId);
  const msgid = `fakemsg${s.nextId()}`;
  const item = s.feedLog.add({ channel: 'dm', to: valid, ...feedContent(body, s), msgid });
  const interactive = taskId !== undefined && INTERACTIVE_CARDS.has(String(card?.card_type));
  const responseCode = interactive ? s.issueResponseCode(item) : undefined;
  if (responseCode) s.feedLog.touch(item, { responseCode });
  if (Number(body.enable_duplicate_check) === 1) s.duplicates.set(dupKey, { at: s.now(), msgid });
  return ok({
    invaliduser: invalid.join('|'),
    invalidparty: '',
    invalidtag: '',
    unlicenseduser: '',
    msgid,
    ...(responseCode ? { response_code: responseCode } : {}),
  });
}

function updateCard(req: FakeRequest, s: FakeWecomState): Reply {
  const body = req.json ?? {};
  if (Number(body.agentid) !== s.agentId) return fail(40056, 'invalid agentid');
  const code = s.responseCodes.get(String(body.response_code ?? ''));
  if (!code || code.used || s.now() - code.issuedAt > RESPONSE_CODE_TTL_MS)
    return fail(RESPONSE_CODE_ERRCODE, 'invalid response_code (used, unknown or expired)');
  const item = s.feedLog.byId(code.feedId);
  if (!item || !INTERACTIVE_CARDS.has(String(item.card?.card_type))) return fail(40058, 'card is not updatable');
  const button = body.button as { replace_name?: unknown } | undefined;
  const replacement = body.template_card as Record<string, unknown> | undefined;
  if (typeof button?.replace_name !== 'string' && !replacement)
    return fail(40058, 'button.replace_name or template_card is required');
  const userids = Array.isArray(body.userids) ? body.userids.map((u) => String(u).toLowerCase()) : [];
  const atall = Number(body.atall) === 1;
  if (!atall && !userids.length && !body.partyids && !body.tagids)
    return fail(40058, 'userids, partyids, tagids or atall is required');
  code.used = true;
  // A card update is an app message to each member it changes (D34): past the limit it is accepted and lost.
  const dropped = s.feedLog.limits.app(atall ? s.allUsers() : userids, 'update_card');
  if (dropped.length && (atall || dropped.length === userids.length)) return ok({ invaliduser: [] as string[] });
  s.feedLog.touch(item, {
    cardState: {
      ...(typeof button?.replace_name === 'string' ? { replaceName: button.replace_name } : {}),
      ...(replacement ? { card: replacement } : {}),
      for: atall ? '@all' : userids,
      at: new Date(s.now()).toISOString(),
    },
  });
  const recipients = Array.isArray(item.to) ? item.to : [];
  return ok({ invaliduser: atall ? [] : userids.filter((u) => !recipients.includes(u)) });
}

function recall(req: FakeRequest, s: FakeWecomState): Reply {
  const msgid = String(req.json?.msgid ?? '');
  const item = s.feedLog.find((i) => i.msgid === msgid && i.channel === 'dm');
  if (!item || item.recalled || s.now() - Date.parse(item.at) > RECALL_WINDOW_MS)
    return fail(40058, 'invalid msgid (unknown, already recalled or older than 24 h)');
  s.feedLog.touch(item, { recalled: true });
  return ok();
}

export const messageRoutes: Routes = {
  'POST /cgi-bin/message/send': send,
  'POST /cgi-bin/message/update_template_card': updateCard,
  'POST /cgi-bin/message/recall': recall,
};
