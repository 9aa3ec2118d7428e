import { createHash } from 'node:crypto';
import { and, asc, desc, eq, gt, gte, isNotNull, isNull, lte, sql, type SQL } from 'drizzle-orm';
import { auditEvents } from './audit.tables';
import { executeNamed, type Db, type NamedStatement, type Queryable } from '../db/database';

export const GENESIS_HASH = '0'.repeat(64);
// The sealer's lock: one sealing transaction at a time extends the chain (writers never take it).
export const AUDIT_CHAIN_LOCK = 770002;

/** What a use case states about a change; the platform adds time, request and chain fields. */
export interface AuditEntry {
  action: string;
  subjectType: string;
  subjectId: string;
  before?: unknown;
  after?: unknown;
}

/** Who and where, taken from the request context. */
export interface AuditSource {
  actorId: string | null;
  actorLabel: string;
  requestId?: string | null;
  ip?: string | null;
  at: Date;
}

/** JSON with sorted keys, so the hash does not depend on jsonb's key order. */
export function canonicalJson(value: unknown): string {
  if (value === undefined || value === null) return 'null';
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    // A loop, not filter/sort/map: bulk loads hash millions of entries (the keys are usually few and often sorted).
    const keys = Object.keys(value).sort();
    let out = '';
    for (const k of keys) {
      const v = (value as Record<string, unknown>)[k];
      if (v !== undefined) out += `${out ? ',' : ''}${JSON.stringify(k)}:${canonicalJson(v)}`;
    }
    return `{${out}}`;
  }
  return JSON.stringify(value);
}

export interface HashedFields {
  occurredAt: Date;
  actorId: string | null;
  actorLabel: string;
  action: string;
  subjectType: string;
  subjectId: string;
  before: unknown;
  after: unknown;
  requestId: string | null;
  ip: string | null;
}

export function hashEvent(prevHash: string, e: HashedFields): string {
  const body = canonicalJson({
    prevHash,
    occurredAt: e.occurredAt.toISOString(),
    actorId: e.actorId,
    actorLabel: e.actorLabel,
    action: e.action,
    subjectType: e.subjectType,
    subjectId: e.subjectId,
    before: e.before ?? null,
    after: e.after ?? null,
    requestId: e.requestId,
    ip: e.ip,
  });
  return createHash('sha256').update(body).digest('hex');
}

/**
 * Appends an audit entry inside the caller's transaction (so it commits or rolls back with the change). The row is
 * written unsealed: chaining it here would need one lock held by every audited transaction through its COMMIT, which
 * serialised all writes of the province (bench/dossiers.bench.ts measured it at 28% of intake throughput). The sealer
 * links it into the chain right after commit (see sealAuditChain, decision D7 in docs/decisions.md).
 */
export async function recordAudit(tx: Queryable, source: AuditSource, entry: AuditEntry): Promise<void> {
  // Hand-written and named: every audited change runs it, so it is planned once per connection and skips the builder.
  await executeNamed(tx, AUDIT_INSERT, [
    source.at.toISOString(),
    source.actorId,
    source.actorLabel,
    entry.action,
    entry.subjectType,
    entry.subjectId,
    jsonText(entry.before),
    jsonText(entry.after),
    source.requestId ?? null,
    source.ip ?? null,
  ]);
}

const AUDIT_INSERT: NamedStatement = {
  name: 'audit_events_insert_v1',
  text: `insert into audit_events (occurred_at, actor_id, actor_label, action, subject_type, subject_id, before, after, request_id, ip)
         values ($1, $2, $3, $4, $5, $6, $7::jsonb, $8::jsonb, $9, $10)`,
};

/** A jsonb parameter; absent values are stored as SQL NULL. */
const jsonText = (value: unknown): string | null => (value === undefined || value === null ? null : JSON.stringify(value));

type AuditRow = typeof auditEvents.$inferSelect;

const hashedFieldsOf = (row: AuditRow): HashedFields => ({
  occurredAt: row.occurredAt,
  actorId: row.actorId,
  actorLabel: row.actorLabel,
  action: row.action,
  subjectType: row.subjectType,
  subjectId: row.subjectId,
  before: row.before,
  after: row.after,
  requestId: row.requestId,
  ip: row.ip,
});

/**
 * Seals committed, unsealed entries into the chain in batches: each gets the next chain position, the previous
 * entry's hash and its own hash. One sealer at a time holds the chain lock; when another process is sealing this
 * returns `busy` and the caller tries again later. Entries are chained in id order within a batch; an entry whose
 * transaction committed after a later id was sealed simply takes the next position (the chain records sealing order).
 */
export async function sealAuditChain(db: Db, batchSize = 2000): Promise<{ sealed: number; busy: boolean }> {
  let sealed = 0;
  for (;;) {
    const n = await db.transaction(async (tx) => {
      const lock = await tx.execute<{ ok: boolean }>(sql`select pg_try_advisory_xact_lock(${AUDIT_CHAIN_LOCK}) as ok`);
      if (!lock.rows[0]?.ok) return -1;
      const rows = await tx.select().from(auditEvents).where(isNull(auditEvents.hash)).orderBy(asc(auditEvents.id)).limit(batchSize);
      if (rows.length === 0) return 0;
      const head = await tx
        .select({ seq: auditEvents.chainSeq, hash: auditEvents.hash })
        .from(auditEvents)
        .where(isNotNull(auditEvents.chainSeq))
        .orderBy(desc(auditEvents.chainSeq))
        .limit(1);
      let seq = head[0]?.seq ?? 0;
      let prev = head[0]?.hash ?? GENESIS_HASH;
      const links = rows.map((row) => {
        const hash = hashEvent(prev, hashedFieldsOf(row));
        const link = { id: row.id, seq: ++seq, prev, hash };
        prev = hash;
        return link;
      });
      // One statement for the batch; JSON rather than array parameters so PGlite and node-postgres read it alike.
      await tx.execute(sql`update audit_events a set chain_seq = v.seq, prev_hash = v.prev, hash = v.hash
        from jsonb_to_recordset(${JSON.stringify(links)}::jsonb) as v(id bigint, seq bigint, prev text, hash text) where a.id = v.id`);
      return rows.length;
    });
    if (n < 0) return { sealed, busy: true };
    sealed += n;
    if (n < batchSize) return { sealed, busy: false };
  }
}

/** Seals everything committed so far, waiting out another process's sealing pass (whose snapshot may predate ours). */
async function sealAll(db: Db, busyRetryMs = 25): Promise<void> {
  while ((await sealAuditChain(db)).busy) await new Promise((r) => setTimeout(r, busyRetryMs));
}

/**
 * Seals in the background for one database handle: `poke()` after a commit that wrote entries, plus a periodic
 * sweep for entries of processes that stopped before sealing. Sealing errors are logged and retried by the sweep.
 */
export class AuditSealer {
  private running: Promise<void> | null = null;
  private pending: NodeJS.Timeout | null = null;
  private again = false;
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(
    private readonly db: Db,
    private readonly onError: (err: unknown) => void,
    private readonly sweepMs = 2_000,
    /** Pokes within this window share one sealing pass (a busy desk commits many entries per pass). */
    private readonly gatherMs = 100,
    private readonly busyRetryMs = 25,
  ) {}

  start(): this {
    this.timer = setInterval(() => this.poke(), this.sweepMs);
    this.timer.unref();
    return this;
  }

  /** Asks for a seal soon; calls while one is pending or running are folded into one more pass. */
  poke(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    if (this.pending) return;
    this.pending = setTimeout(() => {
      this.pending = null;
      this.running = this.loop().finally(() => {
        this.running = null;
      });
    }, this.gatherMs);
  }

  private async loop(): Promise<void> {
    do {
      this.again = false;
      try {
        const { busy } = await sealAuditChain(this.db);
        // Another process holds the chain lock and may have read before our commit: look again shortly.
        if (busy && !this.stopped) {
          await new Promise((r) => setTimeout(r, this.busyRetryMs));
          this.again = true;
        }
      } catch (err) {
        if (!this.stopped) this.onError(err);
      }
      if (this.again && !this.stopped) await new Promise((r) => setTimeout(r, this.gatherMs));
    } while (this.again && !this.stopped);
  }

  /** Waits until everything committed so far is sealed (tests, shutdown, the verify command). */
  async flush(): Promise<void> {
    if (this.running) await this.running;
    await sealAll(this.db, this.busyRetryMs);
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    if (this.pending) clearTimeout(this.pending);
    this.pending = null;
    if (this.running) await this.running;
    this.stopped = true;
  }
}

// The sealer of each open database handle, so withTransaction can poke it without being handed one.
const sealers = new WeakMap<object, AuditSealer>();

export function registerAuditSealer(db: Db, sealer: AuditSealer): void {
  sealers.set(db, sealer);
}

export function unregisterAuditSealer(db: Db): void {
  sealers.delete(db);
}

/** Called after a commit that wrote audit entries. */
export function auditEntriesCommitted(db: Db): void {
  sealers.get(db)?.poke();
}

/** Seals everything committed so far through the handle's sealer, or directly when none runs. */
export async function flushAuditSeal(db: Db): Promise<void> {
  const sealer = sealers.get(db);
  return sealer ? sealer.flush() : sealAll(db);
}

export interface ChainReport {
  ok: boolean;
  /** Sealed entries whose links and hashes were recomputed. */
  checked: number;
  /** Committed entries not yet sealed (normally only those of the last moments). */
  unsealed: number;
  /** When the oldest unsealed entry occurred, if any. */
  oldestUnsealedAt?: Date;
  firstBrokenId?: number;
  reason?: string;
}

/** Walks the chain in chain order, recomputing every link and hash, and counts entries still waiting to be sealed. */
export async function verifyAuditChain(db: Db, batchSize = 1000): Promise<ChainReport> {
  let prevHash = GENESIS_HASH;
  let lastSeq = 0;
  let checked = 0;
  const pending = await db
    .select({ n: sql<number>`count(*)::int`, oldest: sql<Date | string | null>`min(${auditEvents.occurredAt})` })
    .from(auditEvents)
    .where(isNull(auditEvents.hash));
  const unsealed = Number(pending[0]?.n ?? 0);
  const oldest = pending[0]?.oldest ? new Date(pending[0].oldest) : undefined;
  const base = { unsealed, ...(oldest ? { oldestUnsealedAt: oldest } : {}) };
  for (;;) {
    const rows = await db.select().from(auditEvents).where(gt(auditEvents.chainSeq, lastSeq)).orderBy(asc(auditEvents.chainSeq)).limit(batchSize);
    if (rows.length === 0) return { ok: true, checked, ...base };
    for (const row of rows) {
      if (row.chainSeq !== lastSeq + 1) return { ok: false, checked, ...base, firstBrokenId: row.id, reason: 'an entry is missing from the chain' };
      if (row.prevHash !== prevHash) return { ok: false, checked, ...base, firstBrokenId: row.id, reason: 'prev_hash does not match the previous row' };
      if (hashEvent(prevHash, hashedFieldsOf(row)) !== row.hash) return { ok: false, checked, ...base, firstBrokenId: row.id, reason: 'row content does not match its hash' };
      prevHash = row.hash;
      lastSeq = row.chainSeq;
      checked++;
    }
  }
}

export interface AuditQuery {
  actorId?: string;
  action?: string;
  subjectType?: string;
  subjectId?: string;
  from?: Date;
  to?: Date;
  page: number;
  pageSize: number;
}

/** Lists audit entries by when they happened, newest first (demo data and imports are written with past dates), with filters and paging. */
export async function listAuditEvents(db: Queryable, q: AuditQuery) {
  const conds: SQL[] = [];
  if (q.actorId) conds.push(eq(auditEvents.actorId, q.actorId));
  if (q.action) conds.push(sql`${auditEvents.action} like ${q.action.replace(/[%_]/g, '') + '%'}`);
  if (q.subjectType) conds.push(eq(auditEvents.subjectType, q.subjectType));
  if (q.subjectId) conds.push(eq(auditEvents.subjectId, q.subjectId));
  if (q.from) conds.push(gte(auditEvents.occurredAt, q.from));
  if (q.to) conds.push(lte(auditEvents.occurredAt, q.to));
  const where = conds.length ? and(...conds) : undefined;
  const [items, count] = await Promise.all([
    db
      .select()
      .from(auditEvents)
      .where(where)
      .orderBy(desc(auditEvents.occurredAt), desc(auditEvents.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(auditEvents)
      .where(where),
  ]);
  return { items, total: Number(count[0]?.n ?? 0) };
}
