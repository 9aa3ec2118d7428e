// The officers' queues as index walks (D18): which dossiers a queue holds, in (effective due, code) order, one page
// at a time by keyset, with a total counted only up to QUEUE_TOTAL_CAP. Every statement reads rows in the order of an
// index of dossiers.tables.ts whose leading columns are the unit (or none, province-wide), so a page costs the same
// with ten thousand or ten million dossiers behind it.
import { sql, type SQL } from 'drizzle-orm';
import { QUEUE_TOTAL_CAP, SEARCH_TOTAL_CAP, type Queue } from '../../../contracts/dossiers/dossiers.contracts';
import type { DossierState } from '../../../contracts/dossiers/dossiers.contracts';
import type { Queryable } from '../../platform/db/database';
import { ShortLivedCache } from '../../platform/db/short-lived-cache';
import { AppError } from '../../platform/errors';
import { escapeLike, normaliseSearch } from '../identity';
import { phoneDigits } from './dossiers.search';
import { ACTIVE_SQL, EFFECTIVE_DUE_SQL, SEARCH_TEXT_SPACED_SQL, SEARCH_VECTOR_SQL } from './dossiers.tables';
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
  /** The query's words (see searchTerms), or null for no search. */
  search: SearchTerms | null;
  /**
   * How a search finds its rows (D21): 'words' through the words' GIN index, then sorted (cost grows with the
   * matches); 'walk' along the queue's own order, keeping the rows whose words match, read from the index alone (cost
   * grows with how rare the matches are). Default 'words'; listDossiers chooses by the estimated match count.
   */
  searchPath?: SearchPath;
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
  // The queues holding part of the open work (overdue, due soon, at risk, paused) name only their own state lists, which
  // their partial indexes state: adding "not ended" too makes the planner count that filter twice, expect a handful of
  // rows and prefer a bitmap over several indexes to the ordered walk of their own. A search still needs it: the open
  // work's partial GIN index states it (and a state list alone does not prove it to the planner).
  const subset = r.queue !== 'mine' && r.queue !== 'unit';
  if (active && (!subset || r.search)) conds.unshift(ACTIVE_SQL);
  if (r.state) conds.push(sql`state = ${r.state}`);
  if (r.search) conds.push(...(r.searchPath === 'walk' ? walkMatch(r.search) : [sql`${SEARCH_VECTOR_SQL} @@ ${r.search.tsquery}::tsquery`]));
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
  if (r.search && r.searchPath !== 'walk') {
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

/**
 * The queue's size counted up to the cap (one more row tells "more than the cap"); the same index walks as a page.
 * A search counts its matches through the words' index whatever path its page took, up to SEARCH_TOTAL_CAP: each
 * match counted is a row visited, so the cap bounds the work.
 */
export async function queueTotal(db: Queryable, r: QueueRequest): Promise<{ total: number; exact: boolean }> {
  // Counting a part of the open work (overdue, due soon, at risk, paused) must walk that part's own index. Without an
  // order to keep, the planner prefers ANDing bitmaps of the open-work index and the at-risk sweep's index of every
  // running dossier, whose cost grows with the open work (15–40 ms at 5M dossiers against under 3 ms for the walk, D35).
  if (!r.search && r.queue !== 'mine' && r.queue !== 'unit' && r.queue !== 'all') {
    return db.transaction(async (tx) => {
      await tx.execute(sql`set local enable_bitmapscan = off`);
      return countQueue(tx, r);
    });
  }
  return countQueue(db, r);
}

async function countQueue(db: Queryable, r: QueueRequest): Promise<{ total: number; exact: boolean }> {
  const cap = r.search ? SEARCH_TOTAL_CAP : QUEUE_TOTAL_CAP;
  const count = async (from: SQL) => Number((await db.execute<{ n: number }>(sql`select count(*)::int as n from (select 1 from (${from}) c limit ${cap + 1}) s`)).rows[0]?.n ?? 0);
  const capped = { total: cap, exact: false };
  if (r.search) {
    const n = await count(candidates({ ...r, searchPath: 'words' }, cap + 1, 'count'));
    return n > cap ? capped : { total: n, exact: true };
  }
  // One unit column alone past the cap settles it without merging the three walks (a desk's history, typically).
  if (r.scope.kind === 'units') {
    for (const column of UNIT_COLUMNS) if ((await count(candidates(r, cap + 1, 'count', column))) > cap) return capped;
  }
  const n = await count(candidates(r, cap + 1, 'count'));
  return n > cap ? capped : { total: n, exact: true };
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

/** How a search reads its rows (QueueRequest.searchPath). */
export type SearchPath = 'words' | 'walk';

/** A search's words: each required as a whole word of the stored search text, the last one also as a word's start. */
export interface SearchTerms {
  words: Array<{ text: string; prefix: boolean }>;
  /** The same rule as a tsquery for the words' GIN index (SEARCH_VECTOR_SQL). */
  tsquery: string;
}

/**
 * The search rule for a query normalised like the stored text: split at spaces and dashes like it, every word
 * required, the last one also as a prefix from PREFIX_FROM characters. Words are quoted in the tsquery and escaped in
 * LIKE patterns, so no input can inject either syntax. Null when nothing is left to search for.
 */
export function searchTerms(normalised: string): SearchTerms | null {
  const texts = normalised
    .split(/[\s-]+/)
    .filter(Boolean)
    .slice(0, MAX_WORDS);
  if (texts.length === 0) return null;
  const words = texts.map((text, i) => ({ text, prefix: i === texts.length - 1 && text.length >= PREFIX_FROM }));
  const quote = (w: string) => `'${w.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
  return { words, tsquery: words.map((w) => (w.prefix ? `${quote(w.text)}:*` : quote(w.text))).join(' & ') };
}

/** The tsquery text of searchTerms (kept for callers that only need the words' index). */
export function searchQuery(normalised: string): string | null {
  return searchTerms(normalised)?.tsquery ?? null;
}

/**
 * The search rule as conditions a walk tests on every index entry it reads (building the tsvector takes a regular
 * expression per row): first whether each word occurs at all (`strpos`, about as cheap as reading the entry), then,
 * for the few entries left, LIKE on the stored text with its separators made spaces and a space at each end — a word
 * is ` word `, a prefix ` word`. PostgreSQL tests the cheaper conditions first. The same rule as the tsquery
 * (dossiers.queue-order.test.ts runs every search both ways).
 */
function walkMatch(terms: SearchTerms): SQL[] {
  return [
    // Last word first: in a name it is the given name, the rarest, so most entries stop at the first test.
    ...[...terms.words].reverse().map((w) => sql`strpos(search_text, ${w.text}) > 0`),
    ...terms.words.map((w) => sql`${SEARCH_TEXT_SPACED_SQL} like ${`% ${escapeLike(w.text)}${w.prefix ? '' : ' '}%`}`),
  ];
}

/**
 * Matches expected above which a search walks the queue's order instead of sorting what the words' index finds:
 * sorting visits every match (about a row read each), a walk reads the index entries of its units in order until a
 * page matched (about pageSize / share of matching rows entries, each far cheaper than a row). D21 has the numbers.
 */
export const SEARCH_WALK_FROM = 2_000;

/** Tests run every search through each path over the same data (the two must agree row for row); null = choose. */
export const searchPathOverride: { path: SearchPath | null } = { path: null };

/** How common each indexed word is: the words' index statistics (most common elements and their shares) and the rows. */
interface WordStats {
  rows: number;
  share: Map<string, number>;
}

/** Statistics change only with ANALYZE (autovacuum, the generator): reading them once a few minutes is plenty. */
const WORD_STATS_MS = 5 * 60_000;
const wordStatsCache = new ShortLivedCache<WordStats>(WORD_STATS_MS, 1);

async function wordStats(db: Queryable): Promise<WordStats> {
  const hit = wordStatsCache.get(db, 'dossiers');
  if (hit) return hit;
  const res = await db.execute<{ rows: number | string; elems: string[] | null; freqs: number[] | null }>(
    sql`select (select greatest(reltuples, 0) from pg_class where oid = 'dossiers'::regclass) as rows,
        s.most_common_elems::text::text[] as elems, s.most_common_elem_freqs as freqs
      from (select 1) one left join pg_stats s on s.schemaname = current_schema() and s.tablename = 'dossiers_search_idx'`,
  );
  const row = res.rows[0];
  const share = new Map<string, number>();
  (row?.elems ?? []).forEach((e, i) => share.set(e, Number(row!.freqs![i])));
  const stats = { rows: Number(row?.rows ?? 0), share };
  // None yet (a new database, never analysed): asked again next time, so the first ANALYZE takes effect at once.
  if (share.size > 0) wordStatsCache.set(db, 'dossiers', stats);
  return stats;
}

/**
 * The matches expected province-wide: the rows times each word's share, a word being common only when the index's
 * statistics list it among its most common elements (a prefix: the shares of the listed words it starts). A word not
 * listed — an ID number, a phone, a rare given name — makes the search rare, whatever the table's size: the
 * planner's own default for unlisted elements grows with the table and would send an ID number down the walk.
 * Without statistics (never analysed) every search counts as rare, the words' index path.
 */
export async function estimateSearchMatches(db: Queryable, terms: SearchTerms): Promise<number> {
  const stats = await wordStats(db);
  let expected = stats.rows;
  for (const w of terms.words) {
    let share = stats.share.get(w.text) ?? 0;
    if (w.prefix) for (const [elem, s] of stats.share) if (elem !== w.text && elem.startsWith(w.text)) share += s;
    expected *= Math.min(1, share);
  }
  return expected;
}

/**
 * The path a search takes: open-work queues always by the words' index (its partial index over open work holds no
 * history, so its matches stay few); the whole history ("all") by the walk when the words are common.
 */
export async function chooseSearchPath(db: Queryable, queue: Queue, terms: SearchTerms): Promise<SearchPath> {
  if (searchPathOverride.path) return searchPathOverride.path;
  if (queue !== 'all') return 'words';
  return (await estimateSearchMatches(db, terms)) >= SEARCH_WALK_FROM ? 'walk' : 'words';
}
