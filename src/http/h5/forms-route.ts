import type Koa from 'koa';
import type Router from '@koa/router';
import getRawBody from 'raw-body';
import { ChatState } from '../../../entities/chat-state';
import {
  acceptedType,
  ATTACHMENT_LIMIT_MB,
  hookRefusal,
  slotOpenedBy,
  storeAttachment,
} from '../../kernel/attachments';
import { loadActor } from '../../kernel/directory';
import { UserError } from '../../kernel/errors';
import {
  checkOauthState,
  currentForm,
  FILE_ACCEPT,
  findForm,
  type FormDef,
  readDraft,
  verifySignedLink,
} from '../../kernel/forms';
import { makeCtx } from '../../kernel/make-ctx';
import { runNamed } from '../../chat/run-text';
import { insertRows } from '../../db';
import type { Deps } from '../../kernel/deps';
import type { Clock } from '../../kernel/time';
import { BadBody, isMultipart, type PostedFile, readMultipart } from './multipart';
import { acceptLabel, formPage, page, resultPage } from './render';
import { issueSession, readSession } from './session';

// /h5/forms/<kind> (architecture "HTTP", docs/commands.md): identity by WeCom OAuth (snsapi_base code → userid, with
// the signed `state` of the link checked) or, in sandbox, a signed single-use link; the submission runs the form's
// command in one transaction, under a one-time submission id the server issued with the page. A page with a file
// field posts multipart; its files join the record through the command's attachment slot (D220, D222), and a
// refusal about one field is shown beside it (D221).

interface H5Deps {
  deps: Deps;
  clock: Clock;
  /** auth/getuserinfo (WeCom doc 91023). */
  userIdFromCode(code: string): Promise<string | undefined>;
}

/** Pages hold personal data and a session: not cached, not framed, not sniffed, no Referer with the code. */
const PAGE_HEADERS: Record<string, string> = {
  'Cache-Control': 'no-store',
  'Content-Security-Policy':
    "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

/** A posted file with its sniffed type, or the refusal to show beside its field (D220: chat limits, chat sniffing). */
function checkFile(form: FormDef, file: PostedFile): { type: string } | { refusal: string } | undefined {
  const field = form.fields.find((f) => f.key === file.field && f.type === 'file');
  if (!field) return undefined; // a file for no file field of this form is not kept
  const name = file.filename ? `“${file.filename.slice(0, 64)}”` : '文件';
  if (file.oversize) return { refusal: `${name}超过 ${ATTACHMENT_LIMIT_MB} MB 上限，未提交。` };
  const type = acceptedType(file.contentType, file.buffer, file.filename);
  if (!type || !(field.accept ?? FILE_ACCEPT).includes(type))
    return { refusal: `${name}的类型不符：只接受 ${acceptLabel(field)}（按文件内容判断）。` };
  return { type };
}

async function readBody(
  req: Koa.Request['req'],
  admit: (fields: Record<string, string>) => boolean,
): Promise<{ fields: Record<string, string>; files: PostedFile[] }> {
  if (isMultipart(req)) return readMultipart(req, admit);
  try {
    const text = await getRawBody(req, { limit: 64 * 1024, encoding: 'utf8' });
    return { fields: Object.fromEntries(new URLSearchParams(text)), files: [] };
  } catch {
    throw new BadBody(413);
  }
}

function flat(q: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(q)) if (v !== undefined) out[k] = Array.isArray(v) ? v[0] : v;
  return out;
}

export function mountH5(router: Router, h: H5Deps): void {
  const secret = h.deps.config.sessionSecret; // SESSION_SECRET or a stored random one, never the WeCom secret

  /**
   * Who is this, and under which server-issued submission id? Returns the hidden fields that prove both on the
   * POST. A WeCom code is accepted only on the GET that WeCom's redirect makes, with the link's signed state.
   */
  type Who = { userid: string; submission: string; hidden: Record<string, string> };

  /** The identity a page's hidden fields prove (signed sandbox link or session), checked without any I/O. */
  function proven(q: Record<string, string>, kind: string): Who | undefined {
    const now = h.clock.now();
    if (h.deps.config.mode === 'sandbox' && q.sig) {
      const v = verifySignedLink(secret, kind, q, now);
      return v && { userid: v.userid, submission: v.nonce, hidden: { u: q.u, exp: q.exp, n: q.n, sig: q.sig } };
    }
    const fromSession = readSession(secret, q.s, now);
    return fromSession && { ...fromSession, hidden: { s: q.s } };
  }

  async function identify(q: Record<string, string>, kind: string, method: 'GET' | 'POST'): Promise<Who | undefined> {
    const now = h.clock.now();
    const who = proven(q, kind);
    if (who || (h.deps.config.mode === 'sandbox' && q.sig)) return who;
    if (method === 'GET' && q.code && q.state) {
      const userid = (await h.userIdFromCode(q.code).catch(() => undefined))?.toLowerCase();
      if (!userid || !checkOauthState(secret, kind, userid, q.state, now)) return undefined;
      const s = issueSession(secret, userid, now);
      return { ...readSession(secret, s, now)!, hidden: { s } };
    }
    return undefined;
  }

  const deny = (ctx: Koa.Context) => {
    ctx.status = 401;
    ctx.type = 'text/html; charset=utf-8';
    ctx.body = page(
      '无法确认身份',
      '<h1>无法确认身份</h1><p>链接已过期或无效。请在企业微信中向机器人发送“表单 <名称>”获取新链接。</p>',
    );
  };

  router.use('/h5/forms', async (ctx, next) => {
    await next();
    ctx.set(PAGE_HEADERS);
  });

  router.get('/h5/forms/:kind', async (ctx) => {
    const declared = findForm(h.deps.tables.forms, ctx.params.kind);
    if (!declared) return void (ctx.status = 404);
    const q = flat(ctx.query);
    const who = await identify(q, declared.kind, 'GET');
    if (!who) return deny(ctx);
    const form = await currentForm(h.deps.db.manager, declared);
    // Prefilled values come from the server-side draft named in the link (never from the URL itself).
    const values = await readDraft(h.deps.db.manager, who.userid, form.kind, q.d, h.clock.now());
    ctx.type = 'text/html; charset=utf-8';
    // The session names the one-time submission id, so a double tap or a reload does not file twice.
    ctx.body = formPage(form, { values, hidden: who.hidden });
  });

  router.post('/h5/forms/:kind', async (ctx) => {
    const declared = findForm(h.deps.tables.forms, ctx.params.kind);
    if (!declared) return void (ctx.status = 404);
    let body: Record<string, string>;
    let posted: PostedFile[];
    try {
      ({ fields: body, files: posted } = await readBody(ctx.req, (f) => proven(f, declared.kind) !== undefined));
    } catch (err) {
      if (!(err instanceof BadBody)) throw err;
      if (err.status === 401) return deny(ctx);
      ctx.status = err.status;
      return;
    }
    const who = await identify(body, declared.kind, 'POST');
    if (!who) return deny(ctx);
    const { submission } = who;
    const form = await currentForm(h.deps.db.manager, declared);
    const named: Record<string, string> = {};
    for (const f of form.fields) if (f.type !== 'file' && body[f.key]?.trim()) named[f.key] = body[f.key].trim();
    ctx.type = 'text/html; charset=utf-8';
    // D220: size and type are checked before anything runs, so a refused file costs the person nothing typed.
    const files: (PostedFile & { type: string })[] = [];
    const fieldErrors: Record<string, string> = {};
    for (const file of posted) {
      const checked = checkFile(form, file);
      if (checked && 'refusal' in checked) fieldErrors[file.field] ??= checked.refusal;
      else if (checked) files.push({ ...file, type: checked.type });
    }
    if (Object.keys(fieldErrors).length) {
      ctx.status = 422;
      ctx.body = formPage(form, { values: named, hidden: who.hidden, fieldErrors });
      return;
    }
    const now = h.clock.now();
    try {
      const replies = await h.deps.db.tx(async (m) => {
        const actor = await loadActor(m, who.userid);
        if (!actor) throw new UserError('您尚未在政务大厅服务机器人中登记。');
        // Single use: the first successful submission claims its id (sandbox: the link's nonce).
        const fresh = await insertRows(
          m,
          ChatState,
          {
            userid: who.userid,
            kind: `h5:${submission}`,
            data: { form: form.kind },
            expiresAt: new Date(now.getTime() + 86_400_000),
          },
          { orIgnore: true },
        );
        if (fresh !== 1) throw new UserError('该表单已提交过。如需再次填写，请发送“表单 <名称>”获取新链接。');
        const c = makeCtx(h.deps, m, now, actor, `h5:${form.kind}:${submission}`);
        await runNamed(c, form.command, form.toArgs ? form.toArgs(named) : named);
        if (files.length) {
          // D220: the files go where a photo sent in chat right after this command would go — the slot it opened.
          const slot = slotOpenedBy(c);
          if (!slot)
            throw new UserError(
              '本次提交不需要上传材料（未生成需附件的记录），请移除所选文件后再提交。',
              files[0].field,
            );
          for (const f of files) {
            const refusal = hookRefusal(c, slot, f, f.type);
            if (refusal) throw new UserError(refusal, f.field);
          }
          for (const f of files) await storeAttachment(c, slot, f, f.type);
        }
        return c.replies;
      });
      ctx.body = resultPage(form.title, replies, true);
    } catch (err) {
      if (!(err instanceof UserError)) throw err;
      ctx.status = 422;
      // D221: a refusal about one field is shown beside it; every typed value is kept.
      const onField = err.field && form.fields.some((f) => f.key === err.field) ? err.field : undefined;
      ctx.body = formPage(form, {
        values: named,
        hidden: who.hidden,
        ...(onField ? { fieldErrors: { [onField]: err.message } } : { error: err.message }),
      });
    }
  });
}
