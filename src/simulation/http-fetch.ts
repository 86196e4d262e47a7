import { Agent, request } from 'node:http';

// D237: the simulated month's callbacks to the bot and the WeCom client's calls to the fake WeCom (~16,000 in all)
// go through node:http on a kept-alive agent instead of the global fetch: each fetch hangs its request on a WeakRef,
// V8's minor collections keep WeakRef targets, so every call's objects were promoted to the old generation and grew
// the heap. Same answer (a standard Response), plain http only — both servers are on loopback.

export interface LeanFetch {
  fetch: typeof fetch;
  close(): void;
}

export function leanFetch(): LeanFetch {
  const agent = new Agent({ keepAlive: true, maxSockets: 4 });
  const call = (input: string | URL | Request, init: RequestInit = {}): Promise<Response> =>
    new Promise((resolve, reject) => {
      const url = input instanceof Request ? input.url : String(input);
      const headers = Object.fromEntries(new Headers(init.headers).entries());
      const req = request(url, { method: init.method ?? 'GET', agent, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () => {
          const out = new Headers();
          for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) out.set(k, String(v));
          resolve(new Response(Buffer.concat(chunks), { status: res.statusCode ?? 0, headers: out }));
        });
      });
      req.on('error', reject);
      const body = init.body;
      if (body === undefined || body === null) req.end();
      else if (typeof body === 'string' || Buffer.isBuffer(body)) req.end(body);
      else reject(new TypeError('simulation fetch: only string and Buffer bodies'));
    });
  return { fetch: call, close: () => agent.destroy() };
}
