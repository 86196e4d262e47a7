import { Table, TableIndex, TableUnique, type TableColumnOptions } from 'typeorm';

// Column builders that mirror entities/columns.ts, so a migration reads like its entity.
// test/integration/schema.test.ts proves the two agree on SQLite and MariaDB.
export const col = {
  id: (name = 'id'): TableColumnOptions => ({
    name,
    type: 'integer',
    isPrimary: true,
    isGenerated: true,
    generationStrategy: 'increment',
  }),
  str: (name: string, length: number, nullable = false): TableColumnOptions => ({
    name,
    type: 'varchar',
    length: String(length),
    isNullable: nullable,
  }),
  key: (name: string, length: number): TableColumnOptions => ({
    name,
    type: 'varchar',
    length: String(length),
    isPrimary: true,
  }),
  text: (name: string, nullable = false): TableColumnOptions => ({ name, type: 'text', isNullable: nullable }),
  json: (name: string, nullable = false): TableColumnOptions => ({ name, type: 'text', isNullable: nullable }),
  int: (name: string, nullable = false, dflt?: number): TableColumnOptions => ({
    name,
    type: 'integer',
    isNullable: nullable,
    ...(dflt === undefined ? {} : { default: String(dflt) }),
  }),
  bool: (name: string): TableColumnOptions => ({
    name,
    type: 'boolean',
    isNullable: false,
    default: 0,
  }),
  instant: (name: string, nullable = false): TableColumnOptions => ({
    name,
    type: 'varchar',
    length: '24',
    isNullable: nullable,
  }),
  date: (name: string, nullable = false): TableColumnOptions => ({
    name,
    type: 'varchar',
    length: '10',
    isNullable: nullable,
  }),
};

export function table(
  name: string,
  columns: TableColumnOptions[],
  opts: { indices?: [string, string[]][]; uniques?: [string, string[]][]; uniqueIndices?: [string, string[]][] } = {},
): Table {
  return new Table({
    name,
    columns,
    indices: [
      ...(opts.indices ?? []).map(([n, c]) => new TableIndex({ name: n, columnNames: c })),
      // A single-column unique key is a named unique index (`@Index(name, [col], { unique: true })` on the
      // entity): TypeORM names `unique: true` columns differently per driver, which breaks the schema check.
      ...(opts.uniqueIndices ?? []).map(([n, c]) => new TableIndex({ name: n, columnNames: c, isUnique: true })),
    ],
    uniques: (opts.uniques ?? []).map(([n, c]) => new TableUnique({ name: n, columnNames: c })),
  });
}
