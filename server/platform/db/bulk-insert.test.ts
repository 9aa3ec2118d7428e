// bulkInsertAll on the backend under test: every awkward value survives the array literals, defaults apply,
// several tables go in one statement with their foreign keys, and a kept maximum never goes down.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { sql } from 'drizzle-orm';
import { bigserial, boolean, integer, jsonb, numeric, pgTable, primaryKey, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { arrayLiteral, bulkInsert, bulkInsertAll, bulkPart } from './bulk-insert';
import type { Database } from './database';
import { createTestDatabase } from './test-database';

const parents = pgTable('bulk_probe_parents', {
  id: uuid('id').primaryKey().defaultRandom(),
  label: text('label').notNull(),
  note: text('note'),
  at: timestamp('at', { withTimezone: true, mode: 'date' }),
  data: jsonb('data').$type<unknown>(),
  flag: boolean('flag').notNull().default(false),
  amount: numeric('amount', { mode: 'number' }),
  small: smallint('small'),
  tags: jsonb('tags')
    .$type<string[]>()
    .notNull()
    .default(sql`'["none"]'::jsonb`),
});
const children = pgTable('bulk_probe_children', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  parentId: uuid('parent_id')
    .notNull()
    .references(() => parents.id),
  n: integer('n').notNull(),
});
const counters = pgTable('bulk_probe_counters', { key: text('key').notNull(), year: integer('year').notNull(), n: integer('n').notNull() }, (t) => [
  primaryKey({ columns: [t.key, t.year] }),
]);

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase(inject('dbTemplate'));
  await database.db.execute(sql`create table bulk_probe_parents (id uuid primary key default gen_random_uuid(), label text not null, note text, at timestamptz,
    data jsonb, flag boolean not null default false, amount numeric, small smallint, tags jsonb not null default '["none"]'::jsonb)`);
  await database.db.execute(sql`create table bulk_probe_children (id bigserial primary key, parent_id uuid not null references bulk_probe_parents(id), n int not null)`);
  await database.db.execute(sql`create table bulk_probe_counters (key text not null, year int not null, n int not null, primary key (key, year))`);
});
afterAll(async () => database?.close());

const AWKWARD = ['Nguyễn Thị "Hà"', 'back\\slash', 'a,b{c}d', 'NULL', '', ' spaced ', 'dòng\nmới\ttab', "'quote'", 'emoji 🏛️', 'null'];

describe('bulkInsertAll', () => {
  it('writes awkward text, json, instants, numbers and nulls exactly, and applies column defaults', async () => {
    const at = new Date('2026-03-02T02:00:00.123Z');
    const rows = AWKWARD.map((label, i) => ({
      id: `00000000-0000-4000-8000-00000000000${i}`,
      label,
      note: i % 2 ? null : label,
      at: i % 3 ? at : null,
      data: i % 2 ? { label, list: [label, null, 1.5], nested: { '"k"': 'v\\' } } : null,
      amount: i % 2 ? 1.25 * i : null,
      small: i,
      ...(i === 0 ? {} : { flag: true, tags: [label] }),
    }));
    expect(await bulkInsert(database.db, parents, rows)).toBe(AWKWARD.length);
    const stored = await database.db.select().from(parents).orderBy(parents.small);
    expect(stored).toEqual(rows.map((r, i) => ({ flag: false, tags: ['none'], ...r, small: i })));
  });

  it('writes parents and children in one statement (foreign keys hold), and keeps the larger counter', async () => {
    const id = '11111111-1111-4111-8111-111111111111';
    await bulkInsertAll(database.db, [
      bulkPart({ table: parents, rows: [{ id, label: 'cha' }] }),
      bulkPart({ table: children, rows: [1, 2, 3].map((n) => ({ parentId: id, n })) }),
      bulkPart({ table: counters, rows: [{ key: 'book', year: 2026, n: 5 }], keepMax: { target: ['key', 'year'], column: 'n' } }),
    ]);
    expect((await database.db.select().from(children)).map((c) => c.n)).toEqual([1, 2, 3]);
    const keepMax = { target: ['key', 'year'], column: 'n' } as const;
    await bulkInsert(
      database.db,
      counters,
      [
        { key: 'book', year: 2026, n: 3 },
        { key: 'book', year: 2027, n: 1 },
      ],
      { keepMax },
    );
    await bulkInsert(database.db, counters, [{ key: 'book', year: 2027, n: 9 }], { keepMax });
    expect(await database.db.select().from(counters).orderBy(counters.year)).toEqual([
      { key: 'book', year: 2026, n: 5 },
      { key: 'book', year: 2027, n: 9 },
    ]);
    // A child without its parent fails the whole statement.
    await expect(bulkInsert(database.db, children, [{ parentId: '22222222-2222-4222-8222-222222222222', n: 1 }])).rejects.toThrow();
  });

  it('writes values holding its separators, and a lone empty string, through the array literal instead', async () => {
    const rows = ['a\x1fb', 'c\x1ed'].map((label, i) => ({ id: `33333333-3333-4333-8333-33333333333${i}`, label, note: i ? null : '\x1e', small: 100 + i }));
    await bulkInsert(database.db, parents, rows);
    await bulkInsert(database.db, parents, [{ id: '44444444-4444-4444-8444-444444444444', label: '', note: '', small: 102 }]);
    const stored = await database.db
      .select({ label: parents.label, note: parents.note })
      .from(parents)
      .where(sql`${parents.small} >= 100`)
      .orderBy(parents.small);
    expect(stored).toEqual([
      { label: 'a\x1fb', note: '\x1e' },
      { label: 'c\x1ed', note: null },
      { label: '', note: '' },
    ]);
  });

  it('quotes array elements so that NULL stays a string unless the value is null', () => {
    expect(arrayLiteral(['NULL', null, 'a"b', 'c\\d'])).toBe('{"NULL",NULL,"a\\"b","c\\\\d"}');
  });
});
