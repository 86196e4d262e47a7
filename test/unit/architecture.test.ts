import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cruise, type ICruiseResult } from 'dependency-cruiser';
import { describe, expect, it } from 'vitest';

// docs/decisions.md D3: one direction of dependencies, no runtime import cycle, tables only in the composition
// root. The rules live in .dependency-cruiser.cjs; this test runs them over the tree and over planted violations.
const require = createRequire(import.meta.url);
const rules = require('../../.dependency-cruiser.cjs') as { forbidden: unknown[]; options: Record<string, unknown> };

async function violations(paths: string[], baseDir?: string): Promise<string[]> {
  const { options } = rules;
  const result = await cruise(paths, {
    ...options,
    ...(baseDir ? { baseDir, tsConfig: undefined } : {}),
    ruleSet: { forbidden: rules.forbidden },
    validate: true,
  } as never);
  const out = result.output as ICruiseResult;
  return out.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`);
}

function plant(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'arch-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

describe('architecture (D3)', () => {
  it('the tree has no runtime import cycle and no upward import', async () => {
    expect(await violations(['src', 'commands', 'jobs', 'entities'])).toEqual([]);
  }, 60_000);

  it('catches a planted runtime cycle but allows a type-only one', async () => {
    const dir = plant({
      'src/approvals/engine.ts': "import { k } from './kinds';\nexport const e = () => k;\n",
      'src/approvals/kinds.ts': "import { e } from './engine';\nexport const k = [e];\n",
      'src/kernel/a.ts': "import type { B } from './b';\nexport interface A { b?: B }\n",
      'src/kernel/b.ts': "import type { A } from './a';\nexport interface B { a?: A }\n",
    });
    const found = await violations(['src'], dir);
    const cycles = found.filter((v) => v.startsWith('no-runtime-cycle'));
    expect(cycles.length).toBeGreaterThan(0);
    expect(cycles.every((v) => v.includes('src/approvals/'))).toBe(true);
    expect(found.some((v) => v.includes('src/kernel/'))).toBe(false);
  }, 60_000);

  it('catches src/ importing commands/ and a domain file importing an adapter', async () => {
    const dir = plant({
      'commands/index.ts': 'export const COMMANDS = [];\n',
      'src/chat/run-text.ts': "import { COMMANDS } from '../../commands/index';\nexport const n = COMMANDS.length;\n",
      'src/domain/x.ts': "import { n } from '../chat/run-text';\nexport const m = n;\n",
      'src/kernel/y.ts': "import { m } from '../domain/x';\nexport const z = m;\n",
    });
    const found = await violations(['src', 'commands'], dir);
    expect(found).toEqual(
      expect.arrayContaining([
        'tables-only-in-composition-root: src/chat/run-text.ts → commands/index.ts',
        'domain-not-up: src/domain/x.ts → src/chat/run-text.ts',
        'kernel-not-up: src/kernel/y.ts → src/domain/x.ts',
      ]),
    );
  }, 60_000);
});
