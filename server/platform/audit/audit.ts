import { createHash } from 'node:crypto';
import { and, asc, desc, eq, gt, gte, lte, sql, type SQL } from 'drizzle-orm';
import { auditEvents } from './audit.tables';
import type { Db, Queryable } from '../db/database';

export const GENESIS_HASH = '0'.repeat(64);
// One lock id for the chain: appends are serialised so each row links to the committed previous one.
const AUDIT_CHAIN_LOCK = 770002;

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
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

interface HashedFields {
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

/** Normalises values the way jsonb will store them (drops undefined, Dates to strings). */
function toJsonValue(value: unknown): unknown {
  return value === undefined ? null : JSON.parse(JSON.stringify(value));
}

/** Appends an audit entry inside the caller's transaction (so it commits or rolls back with the change). */
export async function recordAudit(tx: Queryable, source: AuditSource, entry: AuditEntry): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`);
  const last = await tx.select({ hash: auditEvents.hash }).from(auditEvents).orderBy(desc(auditEvents.id)).limit(1);
  const prevHash = last[0]?.hash ?? GENESIS_HASH;
  const fields: HashedFields = {
    occurredAt: new Date(source.at.getTime()),
    actorId: source.actorId,
    actorLabel: source.actorLabel,
    action: entry.action,
    subjectType: entry.subjectType,
    subjectId: entry.subjectId,
    before: toJsonValue(entry.before),
    after: toJsonValue(entry.after),
    requestId: source.requestId ?? null,
    ip: source.ip ?? null,
  };
  await tx.insert(auditEvents).values({ ...fields, prevHash, hash: hashEvent(prevHash, fields) });
}

export interface ChainReport {
  ok: boolean;
  checked: number;
  firstBrokenId?: number;
  reason?: string;
}

/** Walks the whole chain in id order, recomputing every hash. */
export async function verifyAuditChain(db: Db, batchSize = 1000): Promise<ChainReport> {
  let prevHash = GENESIS_HASH;
  let lastId = 0;
  let checked = 0;
  for (;;) {
    const rows = await db.select().from(auditEvents).where(gt(auditEvents.id, lastId)).orderBy(asc(auditEvents.id)).limit(batchSize);
    if (rows.length === 0) return { ok: true, checked };
    for (const row of rows) {
      if (row.prevHash !== prevHash) return { ok: false, checked, firstBrokenId: row.id, reason: 'prev_hash does not match the previous row' };
      const expected = hashEvent(prevHash, {
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
      if (expected !== row.hash) return { ok: false, checked, firstBrokenId: row.id, reason: 'row content does not match its hash' };
      prevHash = row.hash;
      lastId = row.id;
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

/** Lists audit entries newest first with filters and paging. */
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
    db.select().from(auditEvents).where(where).orderBy(desc(auditEvents.id)).limit(q.pageSize).offset((q.page - 1) * q.pageSize),
    db.select({ n: sql<number>`count(*)::int` }).from(auditEvents).where(where),
  ]);
  return { items, total: Number(count[0]?.n ?? 0) };
}
