/* global process */
// `npm run cli -- <command>` (D235): `simulate` runs on the compiled bundle (rebuilt first, about a second, so it is
// never stale), every other command on the TypeScript sources through tsx, as before.
const args = process.argv.slice(2);
if (args[0] === 'simulate') {
  const { buildDist } = await import('./build.js');
  await buildDist();
  (await import('../dist/cli.js')).main(args);
} else {
  (await import('tsx/esm/api')).register();
  (await import('../src/cli.ts')).main(args);
}
