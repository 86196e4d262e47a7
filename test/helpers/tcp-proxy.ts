import { connect, createServer, type Socket } from 'node:net';

/**
 * A loopback TCP proxy in front of a database server, so a test can take "the database" away from one bot without
 * stopping the shared server other test files use (the fault matrix's outage, D77). `cut()` destroys every open
 * connection and resets new ones, as a stopped server would; `restore()` lets connections through again.
 */
export interface TcpProxy {
  port: number;
  /** Rewrite a `mysql://` / `mariadb://` URL to go through the proxy. */
  via(url: string): string;
  cut(): void;
  restore(): void;
  close(): Promise<void>;
}

export async function tcpProxy(targetHost: string, targetPort: number): Promise<TcpProxy> {
  let down = false;
  const open = new Set<Socket>();
  const track = (s: Socket) => {
    open.add(s);
    s.on('close', () => open.delete(s));
    s.on('error', () => s.destroy());
  };
  const server = createServer((client) => {
    if (down) {
      client.resetAndDestroy();
      return;
    }
    const upstream = connect(targetPort, targetHost);
    track(client);
    track(upstream);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
    client.pipe(upstream);
    upstream.pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  const cutAll = () => {
    for (const s of open) s.resetAndDestroy();
  };
  return {
    port,
    via: (url) => url.replace(/@[^/@]+\//, `@127.0.0.1:${port}/`),
    cut() {
      down = true;
      cutAll();
    },
    restore() {
      down = false;
    },
    close: () =>
      new Promise<void>((resolve) => {
        cutAll();
        server.close(() => resolve());
      }),
  };
}
