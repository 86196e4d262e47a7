import type { ValueTransformer } from 'typeorm';

// D22: every column names its type explicitly (esbuild drops decorator metadata).
// Instants are stored as ISO-8601 UTC strings: exact to the millisecond, sortable, and identical on
// SQLite and MySQL/MariaDB (no driver time-zone conversion anywhere).
export const instantTransformer: ValueTransformer = {
  to: (v: Date | string | null | undefined) => (v == null ? v : typeof v === 'string' ? v : v.toISOString()),
  from: (v: string | null) => (v == null ? v : new Date(v)),
};

export const jsonTransformer: ValueTransformer = {
  to: (v: unknown) => (v === undefined ? undefined : JSON.stringify(v ?? null)),
  from: (v: string | null): unknown => (v == null ? null : JSON.parse(v)),
};

/** `@Column(instant())` — a Date stored as `varchar(24)`. */
export const instant = (nullable = false) =>
  ({ type: 'varchar', length: 24, nullable, transformer: instantTransformer }) as const;

/** `@Column(localDate())` — a Beijing calendar date `YYYY-MM-DD`. */
export const localDate = (nullable = false) => ({ type: 'varchar', length: 10, nullable }) as const;

/** `@Column(json())` — structured data in a text column. */
export const json = (nullable = false) => ({ type: 'text', nullable, transformer: jsonTransformer }) as const;

export const str = (length: number, nullable = false) => ({ type: 'varchar', length, nullable }) as const;
export const text = (nullable = false) => ({ type: 'text', nullable }) as const;
export const int = (nullable = false) => ({ type: 'integer', nullable }) as const;
export const bool = () => ({ type: 'boolean', default: false }) as const;

/** `@PrimaryColumn(pk(64))` — a varchar primary key. */
export const pk = (length: number) => ({ type: 'varchar', length }) as const;
