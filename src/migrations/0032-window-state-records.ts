import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * D38: the registry stops carrying closures. A 临时关闭 that an earlier version stored at approval is cleared for
 * every window that has a closure record, whose period now decides the state (src/domain/windows/state.ts).
 * Data only; nothing to undo.
 */
export class WindowStateRecords1790000000032 implements MigrationInterface {
  name = 'WindowStateRecords1790000000032';

  async up(q: QueryRunner): Promise<void> {
    const rows = (await q.query(
      "SELECT windows FROM window_closure WHERE type = '临时关闭' AND status IN ('approved', 'ended')",
    )) as { windows: string }[];
    const numbers = new Set(rows.flatMap((r) => JSON.parse(r.windows) as string[]));
    // `window` is a reserved word in MariaDB; backticks quote it there and in SQLite.
    for (const n of numbers)
      await q.query(
        "UPDATE `window` SET status = '在用', statusUntil = NULL WHERE number = ? AND status = '临时关闭'",
        [n],
      );
  }

  async down(): Promise<void> {}
}
