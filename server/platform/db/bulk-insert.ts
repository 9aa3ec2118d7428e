// Set-based inserts for bulk loads: one statement per batch, one array parameter per column, built from the Drizzle
// table definition so it follows the schema (house style: no positional SQL kept in step by hand).
import { getTableColumns, getTableName, is, SQL } from 'drizzle-orm';
import { PgDialect, type PgColumn, type PgTable } from 'drizzle-orm/pg-core';
import { createHash } from 'node:crypto';
import { executeNamed, type NamedStatement, type Queryable } from './database';

/** Serial pseudo-types are not array element types: their values are plain integers. */
const SERIAL_TYPES: Record<string, string> = { serial: 'integer', smallserial: 'smallint', bigserial: 'bigint' };

/** One element of a PostgreSQL array literal: NULL, or the text quoted with `"` and `\` escaped. */
function element(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  // Driver-mapped values are strings, numbers or booleans; an object (none expected) is sent as JSON, as pg does.
  const text = typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint' ? String(value) : JSON.stringify(value);
  return `"${text.replace(/["\\]/g, '\\$&')}"`;
}

/** A PostgreSQL array literal (`{"a",NULL,"b"}`) of already driver-mapped values; read by `$n::type[]`. */
export function arrayLiteral(values: readonly unknown[]): string {
  let out = '{';
  for (let i = 0; i < values.length; i++) out += (i ? ',' : '') + element(values[i]);
  return `${out}}`;
}

interface Bound {
  key: string;
  column: PgColumn;
  /** SQL default used when a row leaves the value out (through `coalesce`). */
  sqlDefault: string | null;
}

/** What a table's part of a bulk insert writes: which columns, and what happens to a row whose key exists. */
export interface BulkPart<T extends PgTable = PgTable> {
  table: T;
  rows: ReadonlyArray<T['$inferInsert']>;
  /** Serial columns to write anyway (ids allocated beforehand). */
  include?: ReadonlyArray<keyof T['$inferInsert'] & string>;
  /** Columns left to their database default. */
  omit?: ReadonlyArray<keyof T['$inferInsert'] & string>;
  /** On a key conflict keep the larger `column` (running counters written back at their maximum). */
  keepMax?: { target: ReadonlyArray<keyof T['$inferInsert'] & string>; column: keyof T['$inferInsert'] & string };
}

/** A part checked against its own table's columns, for a list of parts of different tables. */
export const bulkPart = <T extends PgTable>(part: BulkPart<T>): BulkPart => part as unknown as BulkPart;

/** One table's insert inside a statement: its SQL with parameters numbered from `first`, and its column bindings. */
interface PartPlan {
  text: string;
  bound: Bound[];
}

function partPlan(part: BulkPart, first: number): PartPlan {
  const dialect = new PgDialect();
  const include: readonly string[] = part.include ?? [];
  const omit: readonly string[] = part.omit ?? [];
  const columns = getTableColumns(part.table) as Record<string, PgColumn>;
  const bound: Bound[] = [];
  for (const [k, column] of Object.entries(columns)) {
    if (omit.includes(k) || column.generated !== undefined || column.generatedIdentity !== undefined) continue;
    if (SERIAL_TYPES[column.getSQLType()] && !include.includes(k)) continue;
    bound.push({ key: k, column, sqlDefault: is(column.default, SQL) ? dialect.sqlToQuery(column.default).sql : null });
  }
  const table = getTableName(part.table);
  const names = bound.map((b) => `"${b.column.name}"`);
  const arrays = bound.map((b, i) => `$${first + i}::${SERIAL_TYPES[b.column.getSQLType()] ?? b.column.getSQLType()}[]`);
  const values = bound.map((b, i) => (b.sqlDefault ? `coalesce(v.c${i}, ${b.sqlDefault})` : `v.c${i}`));
  let text = `insert into "${table}" (${names.join(', ')}) select ${values.join(', ')} from unnest(${arrays.join(', ')}) as v(${bound.map((_, i) => `c${i}`).join(', ')})`;
  if (part.keepMax) {
    const col = columns[part.keepMax.column]!.name;
    const target = part.keepMax.target.map((k) => `"${columns[k]!.name}"`).join(', ');
    text += ` on conflict (${target}) do update set "${col}" = greatest("${table}"."${col}", excluded."${col}")`;
  }
  return { text, bound };
}

const statements = new Map<string, { statement: NamedStatement; plans: PartPlan[] }>();

/** The statement writing these parts (cached by tables and options: the same shape is planned once per connection). */
function statementOf(parts: readonly BulkPart[]): { statement: NamedStatement; plans: PartPlan[] } {
  const key = parts
    .map(
      (p) => `${getTableName(p.table)}:${(p.include ?? []).join(',')}:${(p.omit ?? []).join(',')}:${p.keepMax ? `${p.keepMax.target.join(',')}>${String(p.keepMax.column)}` : ''}`,
    )
    .join('|');
  const hit = statements.get(key);
  if (hit) return hit;
  const plans: PartPlan[] = [];
  let next = 1;
  for (const part of parts) {
    const plan = partPlan(part, next);
    next += plan.bound.length;
    plans.push(plan);
  }
  // Data-modifying CTEs: one statement, one round trip; foreign keys are checked at its end, when every part is in.
  const text =
    plans.length === 1
      ? plans[0]!.text
      : `with ${plans
          .slice(0, -1)
          .map((p, i) => `w${i} as (${p.text})`)
          .join(',\n')}\n${plans.at(-1)!.text}`;
  const made = { statement: { name: `bulk_${createHash('sha1').update(text).digest('hex').slice(0, 16)}`, text }, plans };
  statements.set(key, made);
  return made;
}

/** The value a row gives a column, or the column's own default when the row leaves it out (undefined). */
function valueOf(row: Record<string, unknown>, b: Bound): unknown {
  let v = row[b.key];
  if (v === undefined && !b.sqlDefault) v = b.column.defaultFn ? b.column.defaultFn() : b.column.default;
  return v === undefined || v === null ? null : b.column.mapToDriverValue(v);
}

/**
 * Inserts the rows of several tables in one statement (`insert … select … from unnest($1::uuid[], $2::text[], …)`
 * per table, chained as data-modifying CTEs, parents before children): each column travels as one array literal, so
 * the statement has as many parameters as columns whatever the row count, and reads the same on node-postgres and
 * PGlite. Columns, types and defaults come from the Drizzle table definitions (generated columns skipped); values go
 * through each column's own driver mapping (jsonb, dates, numerics). A part may have no rows. Returns the rows written.
 */
export async function bulkInsertAll(q: Queryable, parts: readonly BulkPart[]): Promise<number> {
  if (parts.every((p) => p.rows.length === 0)) return 0;
  const { statement, plans } = statementOf(parts);
  const params: string[] = [];
  parts.forEach((part, i) => {
    for (const b of plans[i]!.bound) params.push(arrayLiteral(part.rows.map((row) => valueOf(row as Record<string, unknown>, b))));
  });
  await executeNamed(q, statement, params);
  return parts.reduce((n, p) => n + p.rows.length, 0);
}

/** bulkInsertAll for one table. */
export function bulkInsert<T extends PgTable>(q: Queryable, table: T, rows: ReadonlyArray<T['$inferInsert']>, options: Omit<BulkPart<T>, 'table' | 'rows'> = {}): Promise<number> {
  return bulkInsertAll(q, [{ table, rows, ...options } as BulkPart]);
}
