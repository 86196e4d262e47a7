import { afterAll } from 'vitest';
import { dropCreatedSchemas } from './db';

// Setup file of the MariaDB project (vitest.config.ts): after each test file, when its bots are closed, drop the
// schemas it created (hooks run in reverse order of registration, so this one runs last).
afterAll(async () => {
  await dropCreatedSchemas();
}, 120_000);
