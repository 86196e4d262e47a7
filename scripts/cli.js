/* global process, URL */
// `npm run cli -- <command>` (D235): `simulate` runs on the compiled bundle (rebuilt first, about a second, so it is
// never stale) in a child process with the long-run memory settings (D243), every other command on the TypeScript
// sources through tsx, as before.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
if (args[0] === 'simulate') {
  const { buildDist } = await import('./build.js');
  await buildDist();
  // Its own process, with the long-run memory settings (D243): they must be in place before Node starts.
  const { LONG_RUN_NODE_ARGS, longRunEnv } = await import('./long-run.js');
  const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
  const child = spawn(process.execPath, [...LONG_RUN_NODE_ARGS, cli, ...args], { stdio: 'inherit', env: longRunEnv() });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
} else {
  (await import('tsx/esm/api')).register();
  (await import('../src/cli.ts')).main(args);
}
