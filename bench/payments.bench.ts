// Payments benchmark on PostgreSQL (DATABASE_URL): gateway notifications (IPN) handled per second through the app
// (signature check, row lock, settlement, receipt number from the unit's yearly series, audit, notification record),
// for first notifications and for replays, against a baseline measured in the same run: the naive handler a careless
// integration would write (one UPDATE trusting the parameters, no signature, lock, receipt or audit), over the same
// pool with the same concurrency. Fresh database, dropped at the end (BENCH_KEEP_DB=1 keeps it).
// Last line: `payments: <X> notifications/s applied, <Y>/s replayed, baseline <Z>/s naive update (<r>× the baseline)`.
import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** Attempts settled per phase, spread over UNITS receiving centres (each its own receipt series). */
const ATTEMPTS = 4_000;
const UNITS = 20;
/** Notifications in flight at once: a gateway retries and sends in parallel; the pool has as many connections. */
const CONCURRENCY = 16;
const BENCH_NOW = new Date('2026-06-15T02:00:00Z');

function dbUrl(base: string, name: string): string {
  const u = new URL(base);
  u.pathname = `/${name}`;
  return u.toString();
}

/** Runs `op` over every item with `concurrency` workers; returns items per second. */
async function throughput<T>(items: readonly T[], concurrency: number, op: (item: T) => Promise<void>): Promise<number> {
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (;;) {
        const i = next++;
        if (i >= items.length) return;
        await op(items[i]!);
      }
    }),
  );
  return items.length / ((performance.now() - t0) / 1000);
}

/** Pending attempts (with their requests) inserted in bulk, `prefix` keeping each phase's references apart. */
async function insertAttempts(pool: pg.Pool, unitIds: readonly string[], prefix: string): Promise<Array<{ txnRef: string; amountVnd: number }>> {
  const rows = await pool.query<{ txn_ref: string; amount_vnd: string }>(
    `with r as (
       insert into payments_requests (dossier_id, dossier_code, pause_id, unit_id, procedure_code, procedure_name, payer_name, description, amount_vnd, state, created_at)
       select gen_random_uuid(), 'BENCH-' || g, gen_random_uuid(), ($2::uuid[])[1 + g % array_length($2::uuid[], 1)], '1.001612', 'Đăng ký thành lập hộ kinh doanh',
              'Nguyễn Văn An', 'Lệ phí', 10000 * (1 + g % 15), 'open', $3::timestamptz
       from generate_series(1, $1::int) g
       returning id, unit_id, amount_vnd, dossier_code)
     insert into payments_transactions (request_id, unit_id, gateway, txn_ref, amount_vnd, order_info, ip_addr, state, created_at, expires_at)
     select r.id, r.unit_id, 'vnpay', $4 || lpad(split_part(r.dossier_code, '-', 2), 10, '0'), r.amount_vnd, 'Thanh toan phi le phi ho so ' || r.dossier_code,
            '203.0.113.7', 'pending', $3::timestamptz, $3::timestamptz + interval '15 minutes'
     from r
     returning txn_ref, amount_vnd`,
    [ATTEMPTS, unitIds, BENCH_NOW.toISOString(), prefix],
  );
  return rows.rows.map((r) => ({ txnRef: r.txn_ref, amountVnd: Number(r.amount_vnd) }));
}

export async function run(): Promise<void> {
  const base = process.env.DATABASE_URL;
  if (!base) throw new Error('payments bench: set DATABASE_URL to a PostgreSQL server (the bench creates and drops its own database)');
  const name = `motcua_bench_payments_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = dbUrl(base, name);
  const { openDatabase, runMigrations } = await import('../server/platform/db/database');
  const { buildApp } = await import('../server/app');
  const { loadConfig } = await import('../server/platform/config/config');
  const { createOrgUnit } = await import('../server/modules/identity/test/factories');
  const { vnpaySignedQuery, formatVnpayDate, SANDBOX_HASH_SECRET, SANDBOX_TMN_CODE } = await import('../server/modules/payments');
  const database = await openDatabase({ url, poolSize: CONCURRENCY });
  try {
    await runMigrations(database);
    const built = await buildApp({
      database,
      // The benchmark plays the gateway from its documented address (exempt from the endpoint's rate limit).
      config: loadConfig({ ...process.env, DATABASE_URL: url, MOTCUA_SEED_DEMO: 'false', PAYMENT_GATEWAY: 'sandbox', PAYMENT_GATEWAY_ADDRESSES: '203.0.113.1' }),
      clock: { now: () => BENCH_NOW },
      logger: false,
    });
    const pool = database.pool!;
    const province = await createOrgUnit(database.db, { kind: 'province' });
    const units: string[] = [];
    for (let i = 0; i < UNITS; i++) units.push((await createOrgUnit(database.db, { parent: province, kind: 'service-center' })).id);

    const signed = (a: { txnRef: string; amountVnd: number }, i: number) =>
      vnpaySignedQuery(SANDBOX_HASH_SECRET, {
        vnp_Amount: String(a.amountVnd * 100),
        vnp_BankCode: 'NCB',
        vnp_BankTranNo: `VNP${20_000_000 + i}`,
        vnp_CardType: 'ATM',
        vnp_OrderInfo: 'Thanh toan phi le phi',
        vnp_PayDate: formatVnpayDate(BENCH_NOW),
        vnp_ResponseCode: '00',
        vnp_TmnCode: SANDBOX_TMN_CODE,
        vnp_TransactionNo: String(20_000_000 + i),
        vnp_TransactionStatus: '00',
        vnp_TxnRef: a.txnRef,
      });
    const attempts = await insertAttempts(pool, units, 'MCA');
    const queries = attempts.map(signed);
    const naive = await insertAttempts(pool, units, 'MCN');
    await pool.query('vacuum analyze');

    const notify = async (q: string) => {
      const res = await built.app.inject({ method: 'GET', url: `/api/v1/payments/vnpay/ipn?${q}`, remoteAddress: '203.0.113.1' });
      if (res.statusCode !== 200) throw new Error(`IPN answered ${res.statusCode}: ${res.body}`);
    };
    // Warm-up: plans, the JIT, the pool's connections (the first 100 attempts, then left settled like the rest).
    await throughput(queries.slice(0, 100), CONCURRENCY, notify);
    const applied = await throughput(queries.slice(100), CONCURRENCY, notify);
    const replayed = await throughput(queries, CONCURRENCY, notify);
    const baseline = await throughput(naive, CONCURRENCY, async (a) => {
      await pool.query(
        `update payments_transactions set state = 'succeeded', settled_at = now(), settled_via = 'ipn', response_code = '00' where txn_ref = $1 and amount_vnd = $2`,
        [a.txnRef, a.amountVnd],
      );
    });

    // Nothing lost or doubled: every attempt settled once, one receipt each, the series adding up, one audit each.
    const check = await pool.query<{ settled: number; receipts: number; series: number; audits: number; applied: number; duplicates: number }>(
      `select (select count(*) from payments_transactions where txn_ref like 'MCA%' and state = 'succeeded')::int as settled,
              (select count(distinct receipt_no) from payments_transactions where txn_ref like 'MCA%')::int as receipts,
              (select coalesce(sum(last), 0) from payments_receipt_series)::int as series,
              (select count(*) from audit_events where action = 'payments.settle.ipn')::int as audits,
              (select count(*) from payments_notifications where outcome = 'applied')::int as applied,
              (select count(*) from payments_notifications where outcome = 'duplicate')::int as duplicates`,
    );
    const c = check.rows[0]!;
    const expected = { settled: ATTEMPTS, receipts: ATTEMPTS, series: ATTEMPTS, audits: ATTEMPTS, applied: ATTEMPTS, duplicates: ATTEMPTS };
    for (const [k, v] of Object.entries(expected)) {
      if (c[k as keyof typeof c] !== v) throw new Error(`payments bench: ${k} = ${c[k as keyof typeof c]}, expected ${v}`);
    }
    await built.app.close();
    console.log(`payments: ${ATTEMPTS} attempts over ${UNITS} units, ${CONCURRENCY} in flight; every attempt settled once with one receipt, replays changed nothing`);
    console.log(
      `payments: ${Math.round(applied)} notifications/s applied, ${Math.round(replayed)}/s replayed, baseline ${Math.round(baseline)}/s naive update (${(applied / baseline).toFixed(2)}× the baseline)`,
    );
  } finally {
    await database.close();
    if (process.env.BENCH_KEEP_DB !== '1') {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    } else {
      console.log(`payments bench: kept database ${name}`);
    }
  }
}
