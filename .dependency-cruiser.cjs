// The layers (docs/decisions.md D3), top to bottom; a module may import its own layer or any layer below it:
//   adapters and workers (src/http, src/chat, src/cli*, src/app, src/main, composition roots, scheduler, sender) → commands/, jobs/ → src/domain
//   → engines (src/approvals, src/calendar, src/settings, src/reports, src/directory, src/importer) → src/kernel
//   → storage and protocol (src/outbox, src/wecom, src/db, src/config, src/metrics, src/migrations) → entities/
// Only the composition roots (src/app.ts, src/cli.ts, src/compose.ts, src/tables.ts, src/docs) import
// commands/ and jobs/. No runtime import cycle anywhere. `npm test` runs this check (test/unit/architecture.test.ts).
// Workers (scheduler, outbox sender, poll loop) run beside the adapters: they read settings and the clock.
const ADAPTERS =
  '^src/(http|chat|fake-wecom|docs)/|^src/(cli[^/]*|app|main|compose|tables|scheduler|loop)\\.ts$|^src/outbox/sender\\.ts$';
const ROOTS = '^src/(app|cli|compose|tables|main)\\.ts$|^src/docs/';
const ROWS = '^(commands|jobs)/';
const DOMAIN = '^src/domain/';
const ENGINES = '^src/(approvals|calendar|settings|reports|directory|importer)/';
const KERNEL = '^src/kernel/';
const STORAGE = '^src/(outbox|wecom|migrations)/(?!sender\\.ts$)|^src/(db|config|metrics)\\.ts$';

const below = (name, from, to) => ({ name, severity: 'error', from: { path: from }, to: { path: to } });

module.exports = {
  forbidden: [
    {
      name: 'no-runtime-cycle',
      comment: 'A runtime import cycle leaves a table row undefined depending on which module loads first.',
      severity: 'error',
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'tables-only-in-composition-root',
      comment: 'src/ reaches commands/ and jobs/ only through deps.tables, assembled in src/tables.ts.',
      severity: 'error',
      from: { path: '^src/', pathNot: ROOTS },
      to: { path: ROWS },
    },
    below('rows-not-adapters', ROWS, ADAPTERS),
    below('domain-not-up', DOMAIN, `${ADAPTERS}|${ROWS}`),
    below('engines-not-up', ENGINES, `${ADAPTERS}|${ROWS}|${DOMAIN}`),
    below('kernel-not-up', KERNEL, `${ADAPTERS}|${ROWS}|${DOMAIN}|${ENGINES}`),
    below('storage-not-up', STORAGE, `${ADAPTERS}|${ROWS}|${DOMAIN}|${ENGINES}|${KERNEL}`),
    below('entities-at-the-bottom', '^entities/', `^src/|${ROWS}`),
    {
      name: 'no-cron-outside-scheduler',
      severity: 'error',
      from: { pathNot: '^src/scheduler\\.ts$' },
      to: { path: 'node_modules/node-cron' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '^(test|bench)/' },
  },
};
