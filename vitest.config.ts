import { defineConfig } from 'vitest/config';

// `npm test` runs every test on SQLite (embedded, a fresh file per test bot). When MARIADB_URL names a
// MariaDB/MySQL server (CI: .ci/run starts one), the database-backed integration tests run a second time
// against it, each on a fresh schema (test/helpers/db.ts).
const common = {
  testTimeout: 30_000,
  hookTimeout: 60_000,
  pool: 'forks' as const,
};

export default defineConfig({
  test: {
    projects: [
      { test: { ...common, name: 'sqlite', include: ['test/**/*.test.ts'] } },
      ...(process.env.MARIADB_URL
        ? [
            {
              test: {
                ...common,
                name: 'mariadb',
                setupFiles: ['test/helpers/mariadb-cleanup.ts'],
                include: ['test/integration/**/*.test.ts'],
                env: { TEST_DATABASE_URL: process.env.MARIADB_URL },
              },
            },
          ]
        : []),
    ],
  },
});
