import type { AddressInfo } from 'node:net';
import Koa from 'koa';
import { fakeMiddleware, type Routes } from './http';
import { appchatRoutes } from './routes-appchat';
import { authRoutes } from './routes-auth';
import { mediaRoutes } from './routes-media';
import { messageRoutes } from './routes-message';
import { FakeWecomState, type FakeWecomOptions } from './state';

// A fake WeCom API (WeCom doc 90238) for tests and sandbox mode (D25): a real HTTP server reached through
// WECOM_API_BASE, so the client, token cache, limiter and outbox run exactly as in production.

export {
  FakeWecomState,
  type AppChat,
  type Fault,
  type FakeWecomOptions,
  type RecordedCall,
  type StoredMedia,
} from './state';
export type { CardState, Channel, FeedItem } from './feed';
export { RESPONSE_CODE_ERRCODE } from './routes-message';
export { TINY_PNG } from './routes-media';
export { imageBytes } from './validate';

const ROUTES: Routes = { ...authRoutes, ...messageRoutes, ...appchatRoutes, ...mediaRoutes };

export interface FakeWecom {
  state: FakeWecomState;
  /** Koa middleware owning every path under `prefix` (mount it before any body parser). */
  middleware: Koa.Middleware;
  prefix: string;
}

/**
 * Build the fake without listening: `app.use(fake.middleware)` serves it under `prefix` (e.g. '/_fake-wecom',
 * D25); WECOM_API_BASE is then `http://host:port/_fake-wecom` and robot webhooks `…/cgi-bin/webhook/send?key=…`.
 */
export function createFakeWecom(opts: FakeWecomOptions & { prefix?: string } = {}): FakeWecom {
  const state = new FakeWecomState(opts);
  const prefix = opts.prefix ?? '';
  return { state, prefix, middleware: fakeMiddleware(state, ROUTES, prefix) };
}

export interface RunningFakeWecom {
  /** Base URL to use as WECOM_API_BASE (no trailing slash). */
  url: string;
  state: FakeWecomState;
  /** A robot webhook URL on this fake for `key`. */
  robotUrl(key: string): string;
  close(): Promise<void>;
}

/** Start the fake as its own server on 127.0.0.1 with an ephemeral port. */
export async function startFakeWecom(opts: FakeWecomOptions = {}): Promise<RunningFakeWecom> {
  const fake = createFakeWecom(opts);
  const app = new Koa();
  app.use(fake.middleware);
  const server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    state: fake.state,
    robotUrl: (key) => `${url}/cgi-bin/webhook/send?key=${encodeURIComponent(key)}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
