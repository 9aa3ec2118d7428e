// Bulk loads of audit entries (generated history, imports): inserted unsealed and sealed in the same transaction,
// set-based, under the sealer's lock — the only UPDATE the append-only trigger of migration 0003 allows.
import { desc, isNotNull, sql } from 'drizzle-orm';
import { bulkInsert } from '../db/bulk-insert';
import { executeNamed, type NamedStatement, type Queryable, type Tx } from '../db/database';
import { AUDIT_CHAIN_LOCK, GENESIS_HASH, hashEvent, type AuditEntry, type AuditSource, type HashedFields } from './audit';
import { auditEvents } from './audit.tables';

/** The last sealed entry: its chain position and hash (position 0 and the genesis hash on an empty chain). */
export interface AuditHead {
  seq: number;
  hash: string;
}

/** An entry to append, with who wrote it and when (the instant the change happened, which may lie in the past). */
export interface DatedAuditEntry {
  source: AuditSource;
  entry: AuditEntry;
}

/** The hashes of entries chained after `head`, in order (computed before the transaction, checked inside it). */
export interface AuditLinks {
  head: AuditHead;
  hashes: string[];
}

/** The chain's head as it stands. */
export async function readAuditHead(q: Queryable): Promise<AuditHead> {
  const [row] = await q
    .select({ seq: auditEvents.chainSeq, hash: auditEvents.hash })
    .from(auditEvents)
    .where(isNotNull(auditEvents.chainSeq))
    .orderBy(desc(auditEvents.chainSeq))
    .limit(1);
  return row ? { seq: Number(row.seq), hash: row.hash! } : { seq: 0, hash: GENESIS_HASH };
}

const hashedFields = (e: DatedAuditEntry): HashedFields => ({
  occurredAt: e.source.at,
  actorId: e.source.actorId,
  actorLabel: e.source.actorLabel,
  action: e.entry.action,
  subjectType: e.entry.subjectType,
  subjectId: e.entry.subjectId,
  before: e.entry.before ?? null,
  after: e.entry.after ?? null,
  requestId: e.source.requestId ?? null,
  ip: e.source.ip ?? null,
});

/**
 * The chain links of `entries` appended after `head` (pure; the same hash the sealer computes from the stored row:
 * canonical JSON reads a value and its jsonb round trip alike). A caller may compute them ahead, outside the
 * transaction, and hand them to appendSealedAudit, which uses them only if the head has not moved meanwhile.
 */
export function linkAuditEntries(head: AuditHead, entries: readonly DatedAuditEntry[]): AuditLinks {
  const hashes: string[] = [];
  let prev = head.hash;
  for (const e of entries) hashes.push((prev = hashEvent(prev, hashedFields(e))));
  return { head, hashes };
}

// After the chain lock: ids for the new entries (in order) and the head, in one round trip.
const IDS_AND_HEAD: NamedStatement = {
  name: 'audit_events_ids_and_head_v1',
  text: `select array(select nextval(pg_get_serial_sequence('audit_events', 'id')) from generate_series(1, $1::int)) as ids,
                h.chain_seq as seq, h.hash
         from (select 1) one left join lateral
              (select chain_seq, hash from audit_events where chain_seq is not null order by chain_seq desc limit 1) h on true`,
};

const SEAL: NamedStatement = {
  name: 'audit_events_seal_bulk_v1',
  text: `update audit_events a set chain_seq = v.seq, prev_hash = v.prev, hash = v.hash
         from unnest($1::bigint[], $2::bigint[], $3::text[], $4::text[]) as v(id, seq, prev, hash) where a.id = v.id`,
};

/** `{1,2,3}` or `{"a","b"}`: an array parameter both drivers pass as text. */
const arrayOf = (values: ReadonlyArray<number | string>) => `{${values.join(',')}}`;

/** How a bulk append seals its entries (see appendSealedAudit). */
export type BulkSealing = 'update' | 'insert-sealed';

/**
 * Whether this connection may append entries already sealed (`insert-sealed`): it must own `audit_events` (or be a
 * superuser) to switch the insert trigger off inside its own transaction.
 */
export async function canInsertSealed(q: Queryable): Promise<boolean> {
  const res = await q.execute<{ ok: boolean }>(
    sql`select pg_has_role(current_user, c.relowner, 'USAGE') or (select rolsuper from pg_roles where rolname = current_user) as ok
        from pg_class c where c.oid = 'audit_events'::regclass`,
  );
  return res.rows[0]?.ok === true;
}

/**
 * Appends `entries` to the audit log, sealed, inside the caller's transaction. The sealer's lock is taken first (held
 * to COMMIT, so no sealing pass interleaves), then the entries get ids from the sequence in entry order and their
 * chain links after the current head — what sealAuditChain would compute. `links` computed ahead are used when their
 * head is still the head; otherwise they are computed here. Two ways to store them:
 * - `update` (default): inserted unsealed, as the insert trigger of migration 0003 requires, then one
 *   UPDATE … FROM unnest(…) fills their chain fields — the one UPDATE the append-only trigger allows. Every entry is
 *   written twice (and the dead first versions stay as free space in the table).
 * - `insert-sealed`: inserted with their chain fields, the insert trigger switched off for this transaction only
 *   (ALTER TABLE … DISABLE TRIGGER takes a lock that holds every other writer of audit_events until COMMIT, and the
 *   trigger is enabled again before COMMIT, so no other transaction ever writes without it). The same rows, links and
 *   verification; about a third of the database work and half the space. Needs the table's owner (canInsertSealed).
 * Returns the new head.
 */
export async function appendSealedAudit(tx: Tx, entries: readonly DatedAuditEntry[], links?: AuditLinks, sealing: BulkSealing = 'update'): Promise<AuditHead> {
  await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`);
  const [row] = await executeNamed<{ ids: Array<string | number> | string; seq: string | number | null; hash: string | null }>(tx, IDS_AND_HEAD, [entries.length]);
  const head: AuditHead = row?.seq != null ? { seq: Number(row.seq), hash: row.hash! } : { seq: 0, hash: GENESIS_HASH };
  if (entries.length === 0) return head;
  // node-postgres parses bigint[] to strings, PGlite to numbers or a literal: read them all as numbers.
  const raw = typeof row!.ids === 'string' ? row!.ids.replace(/[{}]/g, '').split(',') : row!.ids;
  const allocated = raw.map(Number).sort((a, b) => a - b);
  const chained = links && links.head.seq === head.seq && links.head.hash === head.hash && links.hashes.length === entries.length ? links : linkAuditEntries(head, entries);
  const sealed = sealing === 'insert-sealed';
  const rows = entries.map((e, i) => ({
    id: allocated[i]!,
    occurredAt: e.source.at,
    actorId: e.source.actorId,
    actorLabel: e.source.actorLabel,
    action: e.entry.action,
    subjectType: e.entry.subjectType,
    subjectId: e.entry.subjectId,
    before: e.entry.before ?? null,
    after: e.entry.after ?? null,
    requestId: e.source.requestId ?? null,
    ip: e.source.ip ?? null,
    ...(sealed ? { chainSeq: head.seq + 1 + i, prevHash: i === 0 ? head.hash : chained.hashes[i - 1]!, hash: chained.hashes[i]! } : {}),
  }));
  if (sealed) {
    await tx.execute(sql`alter table audit_events disable trigger audit_events_insert_unsealed`);
    await bulkInsert(tx, auditEvents, rows, { include: ['id'] });
    await tx.execute(sql`alter table audit_events enable trigger audit_events_insert_unsealed`);
  } else {
    await bulkInsert(tx, auditEvents, rows, { include: ['id'] });
    const seqs = allocated.map((_, i) => head.seq + 1 + i);
    const prevs = chained.hashes.map((_, i) => (i === 0 ? head.hash : chained.hashes[i - 1]!));
    await executeNamed(tx, SEAL, [arrayOf(allocated), arrayOf(seqs), arrayOf(prevs), arrayOf(chained.hashes)]);
  }
  return { seq: head.seq + entries.length, hash: chained.hashes.at(-1)! };
}
