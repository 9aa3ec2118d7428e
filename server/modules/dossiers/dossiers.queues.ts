// The officers' queues as index walks (D18): which dossiers a queue holds, in (effective due, code) order, one page
// at a time by keyset, with a total counted only up to QUEUE_TOTAL_CAP. Every statement reads rows in the order of an
// index of dossiers.tables.ts whose leading columns are the unit (or none, province-wide), so a page costs the same
// with ten thousand or ten million dossiers behind it.
import { sql, type SQL } from 'drizzle-orm';
import { QUEUE_TOTAL_CAP, type Queue } from '../../../contracts/dossiers/dossiers.contracts';
import type { DossierState } from '../../../contracts/dossiers/dossiers.contracts';
import type { Queryable } from '../../platform/db/database';
import { AppError } from '../../platform/errors';
import { normaliseSearch } from '../identity';
import { phoneDigits } from './dossiers.search';
import { ACTIVE_SQL, EFFECTIVE_DUE_SQL, SEARCH_VECTOR_SQL } from './dossiers.tables';
import { OPEN_STATES, PAUSED_STATES, RUNNING_STATES } from './dossiers.workflow';

/** A position in the queue order: the effective due instant and the code of the row it follows or precedes. */
export interface QueueCursor {
  due: Date;
  code: string;
}

/** Cursor text: base64url of `<epoch ms>|<code>` (opaque to clients, stable across processes). */
export function encodeCursor(c: QueueCursor): string {
  return Buffer.from(`${c.due.getTime()}|${c.code}`, 'utf8').toString('base64url');
}

/** Parses a cursor; a malformed one is the client's error (400), never a silent first page. */
export function decodeCursor(text: string): QueueCursor {
  const raw = Buffer.from(text, 'base64url').toString('utf8');
  const bar = raw.indexOf('|');
  const ms = Number(raw.slice(0, bar));
  const code = raw.slice(bar + 1);
  if (bar < 1 || !Number.isSafeInteger(ms) || code.length === 0 || code.length > 60) {
    throw new AppError('VALIDATION', undefined, { status: 400, fields: [{ path: 'after', code: 'dossiers.errors.cursorInvalid' }] });
  }
  return { due: new Date(ms), code };
}

/** Who the queue is read for: the whole province, or the units (and for "mine", unit–role pairs) of the grants. */
export type QueueScope = { kind: 'province' } | { kind: 'units'; unitIds: string[] } | { kind: 'holders'; pairs: Array<{ unitId: string; role: string }> };

export interface QueueRequest {
  queue: Queue;
  scope: QueueScope;
  now: Date;
  /** End of the "due soon" window (one standard working day ahead). */
  horizon: Date;
  state?: DossierState;
  /** Normalised query words (see searchQuery). */
  search: string | null;
  pageSize: number;
  offset: number;
  after?: QueueCursor;
  before?: QueueCursor;
}

const states = (list: readonly string[]) => sql.raw(`(${list.map((s) => `'${s}'`).join(', ')})`);

/** The queue's own conditions; `active` says whether the open-work partial indexes apply (their predicate is added). */
function queueConditions(r: QueueRequest): { active: boolean; conds: SQL[] } {
  const due = EFFECTIVE_DUE_SQL;
  const conds: SQL[] = [];
  let active = true;
  switch (r.queue) {
    case 'mine':
    case 'unit':
      break;
    case 'all':
      active = false;
      break;
    // A paused dossier is not overdue: its clock stopped and its due moves when it resumes (§5.4, §19.6).
    case 'overdue':
      conds.push(sql`state in ${states(RUNNING_STATES)}`, sql`${due} < ${r.now}`);
      break;
    case 'due-soon':
      conds.push(sql`state in ${states(RUNNING_STATES)}`, sql`${due} >= ${r.now}`, sql`${due} <= ${r.horizon}`);
      break;
    case 'at-risk':
      conds.push(sql`state in ${states(OPEN_STATES)}`, sql`at_risk`);
      break;
    case 'paused':
      conds.push(sql`state in ${states(PAUSED_STATES)}`);
      break;
  }
  if (active) conds.unshift(ACTIVE_SQL);
  if (r.state) conds.push(sql`state = ${r.state}`);
  if (r.search) conds.push(sql`${SEARCH_VECTOR_SQL} @@ ${r.search}::tsquery`);
  return { active, conds };
}

function keyset(r: QueueRequest): SQL | null {
  const c = r.after ?? r.before;
  if (!c) return null;
  return r.after ? sql`(${EFFECTIVE_DUE_SQL}, code) > (${c.due}::timestamptz, ${c.code})` : sql`(${EFFECTIVE_DUE_SQL}, code) < (${c.due}::timestamptz, ${c.code})`;
}

const and = (conds: SQL[]) => (conds.length ? sql.join(conds, sql` and `) : sql`true`);

/**
 * The statement that yields (code, due) of the queue's rows in order, at most `limit` from the keyset position.
 * Scoped queues without search walk, for each unit of the scope, the holder, handling and receiving indexes from the
 * cursor (`limit` rows each) and merge them, because one scan over many units cannot return rows in due order; a
 * search first narrows by the words' index and sorts what matched.
 */
function candidates(r: QueueRequest, limit: number, mode: 'page' | 'count', only?: UnitColumn): SQL {
  const { conds } = queueConditions(r);
  const ks = mode === 'page' ? keyset(r) : null;
  const all = ks ? [...conds, ks] : conds;
  const dir = r.before && mode === 'page' ? sql.raw('desc') : sql.raw('asc');
  // A count needs no order and only the code: without the due expression the walk can read the index alone
  // (an index-only scan; PostgreSQL will not answer an expression from an index when the query names its columns).
  const order = mode === 'page' ? sql`order by ${EFFECTIVE_DUE_SQL} ${dir}, code ${dir}` : sql``;
  const head = mode === 'page' ? sql`select code, ${EFFECTIVE_DUE_SQL} as due from dossiers` : sql`select code from dossiers`;
  const picked = mode === 'page' ? sql`x.code, x.due` : sql`x.code`;
  const s = r.scope;
  if (s.kind === 'province') return sql`${head} where ${and(all)} ${order} limit ${limit}`;
  if (r.search) {
    const scope =
      s.kind === 'units'
        ? sql`(holder_unit_id = any(${uuidArray(s.unitIds)}) or handling_unit_id = any(${uuidArray(s.unitIds)}) or receiving_unit_id = any(${uuidArray(s.unitIds)}))`
        : sql`(holder_unit_id::text || '|' || holder_role) = any(${textArray(s.pairs.map((p) => `${p.unitId}|${p.role}`))})`;
    return sql`${head} where ${scope} and ${and(all)} ${order} limit ${limit}`;
  }
  if (s.kind === 'holders') {
    return sql`select ${picked} from unnest(${uuidArray(s.pairs.map((p) => p.unitId))}, ${textArray(s.pairs.map((p) => p.role))}) as u(unit_id, role)
      cross join lateral (${head} where holder_unit_id = u.unit_id and holder_role = u.role and ${and(all)} ${order} limit ${limit}) x`;
  }
  const branch = (column: UnitColumn) =>
    sql`select ${picked} from unnest(${uuidArray(s.unitIds)}) as u(unit_id)
      cross join lateral (${head} where ${sql.raw(column)} = u.unit_id and ${and(all)} ${order} limit ${limit}) x`;
  if (only) return branch(only);
  return sql.join(UNIT_COLUMNS.map(branch), sql` union `);
}

type UnitColumn = (typeof UNIT_COLUMNS)[number];
const UNIT_COLUMNS = ['holder_unit_id', 'handling_unit_id', 'receiving_unit_id'] as const;
const uuidArray = (ids: string[]) => sql`${`{${ids.join(',')}}`}::uuid[]`;
const textArray = (values: string[]) => sql`${`{${values.map((v) => `"${v.replace(/["\\]/g, (c) => `\\${c}`)}"`).join(',')}}`}::text[]`;

/** One page of the queue: codes in order, whether more rows follow in the walking direction. */
export async function queuePage(db: Queryable, r: QueueRequest): Promise<{ codes: string[]; more: boolean }> {
  const keyed = Boolean(r.after ?? r.before);
  const offset = keyed ? 0 : r.offset;
  const want = offset + r.pageSize + 1;
  const dir = r.before ? sql.raw('desc') : sql.raw('asc');
  const res = await db.execute<{ code: string }>(
    sql`select c.code from (${candidates(r, want, 'page')}) c order by c.due ${dir}, c.code ${dir} limit ${r.pageSize + 1} offset ${offset}`,
  );
  const codes = res.rows.map((row) => row.code);
  const more = codes.length > r.pageSize;
  const page = codes.slice(0, r.pageSize);
  return { codes: r.before ? page.reverse() : page, more };
}

/** The queue's size counted up to the cap (one more row tells "more than the cap"); the same index walks as a page. */
export async function queueTotal(db: Queryable, r: QueueRequest): Promise<{ total: number; exact: boolean }> {
  const count = async (from: SQL) =>
    Number((await db.execute<{ n: number }>(sql`select count(*)::int as n from (select 1 from (${from}) c limit ${QUEUE_TOTAL_CAP + 1}) s`)).rows[0]?.n ?? 0);
  const capped = { total: QUEUE_TOTAL_CAP, exact: false };
  // One unit column alone past the cap settles it without merging the three walks (a desk's history, typically).
  if (r.scope.kind === 'units' && !r.search) {
    for (const column of UNIT_COLUMNS) if ((await count(candidates(r, QUEUE_TOTAL_CAP + 1, 'count', column))) > QUEUE_TOTAL_CAP) return capped;
  }
  const n = await count(candidates(r, QUEUE_TOTAL_CAP + 1, 'count'));
  return n > QUEUE_TOTAL_CAP ? capped : { total: n, exact: true };
}

/** Most query words searched for; more narrow nothing in practice and only cost. */
const MAX_WORDS = 8;
/** The last word also matches as the start of a longer word from this length (shorter prefixes match too much). */
const PREFIX_FROM = 4;

/**
 * The query as the stored search text is written: accent-free lower case; a number typed with spaces, dots or a
 * leading +84 (a phone, an ID number) as its digits, the way dossierSearchText stores a phone.
 */
export function normaliseQuery(q: string): string {
  const digits = q.replace(/\D/g, '');
  if (/^[\d\s+.()-]+$/.test(q) && /^\s*(\+|0|84)/.test(q) && digits.length >= 9 && digits.length <= 12) return phoneDigits(q);
  return normaliseSearch(q);
}

/**
 * The tsquery text for the stored search words (SEARCH_VECTOR_SQL): the query normalised like the stored text, split
 * at spaces and dashes like it, every word required, the last one also as a prefix. Words are quoted, so no input can
 * inject tsquery syntax. Null when nothing is left to search for.
 */
export function searchQuery(normalised: string): string | null {
  const words = normalised
    .split(/[\s-]+/)
    .filter(Boolean)
    .slice(0, MAX_WORDS);
  if (words.length === 0) return null;
  const quote = (w: string) => `'${w.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
  return words.map((w, i) => (i === words.length - 1 && w.length >= PREFIX_FROM ? `${quote(w)}:*` : quote(w))).join(' & ');
}
