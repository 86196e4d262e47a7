import { readFileSync } from 'node:fs';
import type { Logger } from 'pino';
import { startFakeWecom, type FakeWecomOptions, type RunningFakeWecom } from '../../src/fake-wecom';
import { WecomClient, type WecomClientOptions } from '../../src/wecom/client';
import { sealEnvelope, type CryptoCfg } from '../../src/wecom/crypto';
import { buildInboundXml, type InboundSpec } from '../../src/wecom/inbound';

// Test plumbing around the fake WeCom (WeCom doc 90238) and the production crypto (design rule 10).

export { createFakeWecom, startFakeWecom, RESPONSE_CODE_ERRCODE, TINY_PNG } from '../../src/fake-wecom';
export type { FakeWecomOptions, FakeWecomState, FeedItem, RunningFakeWecom } from '../../src/fake-wecom';

/** Vector A's keys (WeCom doc 91144): real Tencent sample credentials, safe to use in tests. */
export const TEST_CRYPTO: CryptoCfg = {
  token: 'hJqcu3uJ9Tn2gXPmxx2w9kkCkCE2EPYo',
  aesKey: '6qkdMrq68nTKduznJYO1A37W2oEgpkMUvkttRToqhUt',
  corpId: 'ww1436e0e65a779aee',
};

/** Start a fake on loopback; remember to `await fake.close()` (afterAll/afterEach). */
export function fakeWecom(opts: FakeWecomOptions = {}): Promise<RunningFakeWecom> {
  return startFakeWecom({ corpId: TEST_CRYPTO.corpId, ...opts });
}

/** A real WecomClient pointed at the fake, with the fake's credentials. */
export function clientFor(
  fake: RunningFakeWecom,
  opts: Partial<WecomClientOptions> & { log?: Logger } = {},
): WecomClient {
  return new WecomClient({
    apiBase: fake.url,
    corpId: fake.state.corpId,
    secret: fake.state.secret,
    agentId: fake.state.agentId,
    ...opts,
  });
}

/** A plaintext fixture from test/fixtures/wecom. */
export function fixture(name: string): string {
  return readFileSync(new URL(`../fixtures/wecom/${name}`, import.meta.url), 'utf8');
}

/**
 * What WeCom would POST for an inbound message: the path with its signed query, and the encrypted body.
 * `path` is the callback route (default /wecom/callback).
 */
export function signedCallback(
  cfg: CryptoCfg,
  message: InboundSpec | string,
  path = '/wecom/callback',
): { url: string; body: string } {
  const xml = typeof message === 'string' ? message : buildInboundXml(message);
  const { body, query } = sealEnvelope(cfg, xml, {
    agentId: typeof message === 'string' ? undefined : (message.agentId ?? 1000002),
  });
  return { url: `${path}?${new URLSearchParams({ ...query })}`, body };
}
