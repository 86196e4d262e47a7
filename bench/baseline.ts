import { createServer, type Server } from 'node:http';
import Database from 'better-sqlite3';
import Koa from 'koa';
import getRawBody from 'raw-body';
import { decrypt, getSignature } from '@wecom/crypto';
import { XMLParser } from 'fast-xml-parser';
import type { CryptoCfg } from '../src/wecom/crypto';

// D26 baseline: what the bot must do before acknowledging — verify the signature, decrypt, parse the XML, one
// SQLite insert (WAL, synchronous=NORMAL) — in a bare Koa app, nothing else.
export async function startBaseline(cfg: CryptoCfg, dbPath: string): Promise<{ url: string; close(): Promise<void> }> {
  const db = new Database(dbPath);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec('CREATE TABLE IF NOT EXISTS inbox (id INTEGER PRIMARY KEY, dedupe TEXT UNIQUE, body TEXT)');
  const insert = db.prepare('INSERT OR IGNORE INTO inbox (dedupe, body) VALUES (?, ?)');
  const parser = new XMLParser({ processEntities: false, parseTagValue: false });
  const app = new Koa();
  app.use(async (ctx) => {
    const raw = await getRawBody(ctx.req, { limit: 1024 * 1024, encoding: 'utf8' });
    const enc = /<Encrypt><!\[CDATA\[([^\]]+)\]\]><\/Encrypt>/.exec(raw)?.[1] ?? '';
    const q = ctx.query as Record<string, string>;
    if (getSignature(cfg.token, q.timestamp, q.nonce, enc) !== q.msg_signature) {
      ctx.status = 401;
      return;
    }
    const { message, id } = decrypt(cfg.aesKey, enc);
    if (id !== cfg.corpId) {
      ctx.status = 400;
      return;
    }
    const xml = (parser.parse(message) as { xml: Record<string, string> }).xml;
    insert.run(`msg:${xml.MsgId}`, JSON.stringify(xml));
    ctx.body = '';
  });
  const handle = app.callback();
  const server: Server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return {
    url: `http://127.0.0.1:${(server.address() as { port: number }).port}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
      db.close();
    },
  };
}
