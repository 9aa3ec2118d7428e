// executeNamed on the backend under test (PGlite locally, PostgreSQL in CI's second pass).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { sql } from 'drizzle-orm';
import { executeNamed, type Database } from './database';
import { createTestDatabase } from './test-database';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase(inject('dbTemplate'));
  await database.db.execute(sql`create table named_probe (id int primary key, label text not null, at timestamptz, data jsonb)`);
});
afterAll(async () => database?.close());

const INSERT = { name: 'named_probe_insert', text: 'insert into named_probe (id, label, at, data) values ($1, $2, $3, $4::jsonb) returning id, label, data' };
const COUNT = { name: 'named_probe_count', text: 'select count(*)::int as n from named_probe where label = $1' };

describe('executeNamed', () => {
  it('runs the same named statement many times with new values, inside and outside transactions', async () => {
    const [first] = await executeNamed<{ id: number; label: string; data: { a: number } }>(database.db, INSERT, [1, 'Hồ sơ', '2026-03-02T02:00:00.000Z', JSON.stringify({ a: 1 })]);
    expect(first).toEqual({ id: 1, label: 'Hồ sơ', data: { a: 1 } });
    await database.db.transaction(async (tx) => {
      for (let i = 2; i <= 4; i++) await executeNamed(tx, INSERT, [i, 'Hồ sơ', null, null]);
      expect((await executeNamed<{ n: number }>(tx, COUNT, ['Hồ sơ']))[0]!.n).toBe(4);
    });
    expect((await executeNamed<{ n: number }>(database.db, COUNT, ['Hồ sơ']))[0]!.n).toBe(4);
  });

  it('rolls back with the caller’s transaction', async () => {
    await expect(
      database.db.transaction(async (tx) => {
        await executeNamed(tx, INSERT, [10, 'rollback', null, null]);
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect((await executeNamed<{ n: number }>(database.db, COUNT, ['rollback']))[0]!.n).toBe(0);
  });

  it('reports a failing statement without poisoning the name for later calls', async () => {
    await expect(executeNamed(database.db, INSERT, [1, 'duplicate', null, null])).rejects.toThrow();
    expect(await executeNamed(database.db, INSERT, [11, 'after', null, null])).toHaveLength(1);
  });
});

describe.skipIf(inject('dbTemplate').kind !== 'postgres')('app sessions on PostgreSQL', () => {
  it('run without JIT and without parallel workers (D31), on every connection of the pool', async () => {
    const settings = await Promise.all(
      Array.from({ length: 4 }, () =>
        database.db.execute<{ jit: string; workers: string }>(sql`select current_setting('jit') as jit, current_setting('max_parallel_workers_per_gather') as workers`),
      ),
    );
    for (const s of settings) expect(s.rows[0]).toEqual({ jit: 'off', workers: '0' });
  });
});
