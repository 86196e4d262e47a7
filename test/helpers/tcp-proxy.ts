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
  /**
   * Cut at the worst moment for a claim: the first transaction whose statement matches `statement` is let through
   * up to its COMMIT, the server commits, and the commit's answer is dropped as everything is cut. Resolves with
   * the matched statement once cut.
   */
  cutAtCommitOf(statement: RegExp): Promise<string>;
  restore(): void;
  close(): Promise<void>;
}

/** A COM_QUERY packet (MySQL protocol: 3-byte length, sequence 0, command 0x03) holding just COMMIT. */
const isCommit = (d: Buffer) => d.length >= 5 && d[3] === 0 && d[4] === 3 && /^commit$/i.test(d.subarray(5).toString());

export async function tcpProxy(targetHost: string, targetPort: number): Promise<TcpProxy> {
  let down = false;
  let trap: { statement: RegExp; cut: (matched: string) => void } | undefined;
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
    // This connection's transaction matched the trap: `commitSent` once its COMMIT went through.
    let matched: string | undefined;
    let commitSent = false;
    client.on('data', (d: Buffer) => {
      if (trap && !matched) matched = trap.statement.exec(d.toString())?.[0];
      if (matched && isCommit(d)) commitSent = true;
      upstream.write(d);
    });
    upstream.on('data', (d: Buffer) => {
      if (trap && matched !== undefined && commitSent) {
        const cut = trap.cut;
        trap = undefined;
        cut(matched); // the commit's answer (`d`) is never delivered
        return;
      }
      client.write(d);
    });
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
    cutAtCommitOf(statement) {
      return new Promise<string>((resolve) => {
        trap = {
          statement,
          cut: (m) => {
            down = true;
            cutAll();
            resolve(m);
          },
        };
      });
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
