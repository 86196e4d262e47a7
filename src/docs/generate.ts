import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { TABLES } from '../tables';
import { rulesDoc } from './rules-doc';
import { commandsDoc, formsDoc, jobsDoc, ledgersDoc, settingsDoc } from './tables-docs';

// `npm run docs` writes the generated pages of docs/ (docs/decisions.md D37); `npm run docs -- --check` (and
// test/unit/docs.test.ts) exits non-zero when one is stale. docs/decisions.md is written by hand.

export function generatedDocs(root: string): Record<string, string> {
  return {
    'docs/commands.md': commandsDoc(TABLES),
    'docs/jobs.md': jobsDoc(TABLES),
    'docs/settings.md': settingsDoc(TABLES),
    'docs/forms.md': formsDoc(TABLES),
    'docs/ledgers.md': ledgersDoc(TABLES),
    'docs/rules.md': rulesDoc(root),
  };
}

export function staleDocs(root: string): string[] {
  return Object.entries(generatedDocs(root))
    .filter(([path, text]) => {
      try {
        return readFileSync(join(root, path), 'utf8') !== text;
      } catch {
        return true;
      }
    })
    .map(([path]) => path);
}

if (process.argv[1]?.endsWith('generate.ts')) {
  const root = process.cwd();
  if (process.argv.includes('--check')) {
    const stale = staleDocs(root);
    if (stale.length) console.error(`stale: ${stale.join(', ')} — run npm run docs`);
    process.exit(stale.length ? 1 : 0);
  }
  for (const [path, text] of Object.entries(generatedDocs(root))) writeFileSync(join(root, path), text);
  console.log('docs written');
}
