import { describe, expect, it } from 'vitest';
import { commandsDoc, jobsDoc } from '../../src/docs/tables-docs';
import { generatedDocs, staleDocs } from '../../src/docs/generate';
import { TABLES } from '../../src/tables';

// docs/decisions.md D37: docs/ is generated from the tables; a stale page fails the suite (run `npm run docs`).
describe('generated docs', () => {
  it('every generated page in docs/ matches the tables', () => {
    expect(staleDocs(process.cwd())).toEqual([]);
  });

  it('a table change makes the page differ (the check can fail)', () => {
    const extra = { ...TABLES, jobs: [...TABLES.jobs, { ...TABLES.jobs[0], name: 'planted-job' }] };
    expect(jobsDoc(extra)).not.toBe(jobsDoc(TABLES));
    expect(jobsDoc(extra)).toContain('`planted-job`');
  });

  it('every command appears in docs/commands.md with its roles and usage', () => {
    const page = commandsDoc(TABLES);
    // Pipes in a usage are escaped in the markdown table cell.
    for (const c of TABLES.commands) expect(page, c.name).toContain(`\`${c.usage.replace(/\|/g, '\\|')}\``);
    expect(Object.keys(generatedDocs(process.cwd()))).toContain('docs/rules.md');
  });
});
