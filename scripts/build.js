/* global process, console */
// `npm run build` (D235): the CLI and the simulation bench as plain JavaScript in dist/, so a long run (the month
// simulation) does not carry tsx's on-the-fly TypeScript loader — its module copies, inline source maps and loader
// thread cost ~95 MB of resident memory. One esbuild bundle per entry (the same transform tsx applies), npm packages
// left as imports from node_modules. A file read next to its module (`new URL('./x', import.meta.url)`) is pointed at
// its place in the source tree, which the bundle never moves.
import { build } from 'esbuild';
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = resolve(import.meta.dirname, '..');
export const ENTRIES = { cli: 'src/cli.ts', 'bench-simulate': 'bench/simulate.ts' };

const sourceRelativeFiles = {
  name: 'source-relative-files',
  setup(b) {
    b.onLoad({ filter: /\.ts$/ }, async (args) => {
      const text = await readFile(args.path, 'utf8');
      const contents = text.replace(
        /new URL\((['"])(\.\.?\/[^'"]+)\1, import\.meta\.url\)/g,
        (_, _q, rel) => `new URL(${JSON.stringify(pathToFileURL(resolve(dirname(args.path), rel)).href)})`,
      );
      return { contents, loader: 'ts' };
    });
  },
};

/** Bundle every entry into dist/<name>.js; returns the output paths. */
export async function buildDist() {
  await build({
    entryPoints: Object.fromEntries(Object.entries(ENTRIES).map(([name, file]) => [name, join(root, file)])),
    outdir: join(root, 'dist'),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    tsconfig: join(root, 'tsconfig.json'),
    plugins: [sourceRelativeFiles],
    logLevel: 'warning',
  });
  return Object.keys(ENTRIES).map((name) => join(root, 'dist', `${name}.js`));
}

if (process.argv[1] === import.meta.filename) {
  for (const out of await buildDist()) console.log(out);
}
