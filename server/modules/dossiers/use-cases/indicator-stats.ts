// The indicators' read model (issue 12 item 7; dossiers.stats.tables.ts): recomputing the buckets the triggers marked,
// and the counts the dashboards module reads. What is counted, and when (domain README §5.5 and §19.8):
// - received: by the instant the dossier was received (its receipt), in Vietnam's day;
// - finished early / on time / late: by the instant the result was ready (status 9), against the original due
//   (classification, fixed at that instant: a later extension does not make a late dossier on time);
// - withdrawn / stopped: by the instant the dossier was closed that way;
// - apologies (Mẫu 04) and supplement requests: by the instant they were issued, to the dossier's handling unit;
// - late and held: a dossier finished late, by that instant, to the unit that held it when its hop ran late
//   (late_unit_id, fixed with the classification: inter-agency attribution), whichever unit handled it;
// - working time used and allowed: with the finish, for dossiers that kept it (dossiers.deadlines workingTimeUsed);
// - fees taken and those paid online, with their amounts: with the receipt (the fee is taken at reception);
// - open (and open past due, paused): dossiers received in the period still being handled now.
// Every count belongs to the dossier's handling unit.
import { executeNamed, type NamedStatement, type Queryable } from '../../../platform/db/database';
import { OPEN_STATES, PAUSED_STATES, RUNNING_STATES } from '../dossiers.workflow';

/** How many marked buckets one refresh recomputes at most (each is an index range of one unit's day). */
export const STATS_REFRESH_LIMIT = 2000;

const sqlList = (states: readonly string[]) => states.map((s) => `'${s}'`).join(',');

/** The buckets of `$3` units' (null: any unit) marked longest ago, claimed: removed from the marks, skipping locked ones. */
const CLAIM: NamedStatement = {
  name: 'dossiers_stats_claim_v1',
  text: `delete from dossiers_stats_dirty where (unit_id, day) in (
           select unit_id, day from dossiers_stats_dirty where ($2::uuid[] is null or unit_id = any($2::uuid[]))
           order by marked_at limit $1 for update skip locked)
         returning unit_id::text as "unitId", to_char(day, 'YYYY-MM-DD') as day`,
};

const CLEAR: NamedStatement = {
  name: 'dossiers_stats_clear_v1',
  text: `delete from dossiers_stats_daily s using unnest($1::uuid[], $2::date[]) as b(unit_id, day) where s.unit_id = b.unit_id and s.day = b.day`,
};

/** One bucket's rows recounted from the dossiers: an index range per instant counted (received, finished, closed, late
 * and held, apologies, supplement requests). */
const RECOUNT: NamedStatement = {
  name: 'dossiers_stats_recount_v5',
  text: `with b as (
           select unit_id, day, (day::text || 'T00:00:00+07:00')::timestamptz as starts, ((day + 1)::text || 'T00:00:00+07:00')::timestamptz as ends
           from unnest($1::uuid[], $2::date[]) as t(unit_id, day))
         insert into dossiers_stats_daily (unit_id, day, procedure_code, channel, received, finished_early, finished_on_time, finished_late, withdrawn, stopped,
                                           apologies, supplements, late_held, timed, used_minutes, allowed_minutes, fee_paid, fee_paid_online, fee_vnd, fee_online_vnd)
         select unit_id, day, procedure_code, channel, sum(received), sum(early), sum(on_time), sum(late), sum(withdrawn), sum(stopped),
                sum(apologies), sum(supplements), sum(late_held), sum(timed), sum(used_minutes), sum(allowed_minutes),
                sum(fee_paid), sum(fee_paid_online), sum(fee_vnd), sum(fee_online_vnd)
         from (
           select b.unit_id, b.day, d.procedure_code, d.channel, 1 as received, 0 as early, 0 as on_time, 0 as late, 0 as withdrawn, 0 as stopped,
                  0 as apologies, 0 as supplements, 0 as late_held, 0 as timed, 0::bigint as used_minutes, 0::bigint as allowed_minutes,
                  f.paid as fee_paid, f.online as fee_paid_online, (f.paid * d.fee_vnd)::bigint as fee_vnd, (f.online * d.fee_vnd)::bigint as fee_online_vnd
             from b join dossiers d on d.handling_unit_id = b.unit_id and d.received_at >= b.starts and d.received_at < b.ends
             cross join lateral (select (d.fee_vnd > 0)::int as paid, (d.fee_vnd > 0 and d.fee_payment_method = 'online')::int as online) f
           union all
           select b.unit_id, b.day, d.procedure_code, d.channel, 0, (d.classification = 'early')::int, (d.classification = 'on-time')::int, (d.classification = 'late')::int, 0, 0, 0, 0, 0,
                  w.timed, case when w.timed = 1 then d.used_working_minutes else 0 end, case when w.timed = 1 then d.allowed_working_minutes else 0 end, 0, 0, 0, 0
             from b join dossiers d on d.handling_unit_id = b.unit_id and d.finished_at >= b.starts and d.finished_at < b.ends
             cross join lateral (select (d.used_working_minutes is not null and d.allowed_working_minutes is not null)::int as timed) w
             where d.finished_at is not null
           union all
           select b.unit_id, b.day, d.procedure_code, d.channel, 0, 0, 0, 0, (d.state = 'WITHDRAWN')::int, (d.state = 'STOPPED')::int, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
             from b join dossiers d on d.handling_unit_id = b.unit_id and d.closed_at >= b.starts and d.closed_at < b.ends
             where d.state in ('WITHDRAWN','STOPPED')
           union all
           select b.unit_id, b.day, d.procedure_code, d.channel, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0
             from b join dossiers d on d.late_unit_id = b.unit_id and d.finished_at >= b.starts and d.finished_at < b.ends
             where d.late_unit_id is not null and d.classification = 'late'
           union all
           select b.unit_id, b.day, d.procedure_code, d.channel, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0
             from b join dossiers_apologies a on a.issued_at >= b.starts and a.issued_at < b.ends
             join dossiers d on d.id = a.dossier_id and d.handling_unit_id = b.unit_id
           union all
           select b.unit_id, b.day, d.procedure_code, d.channel, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0
             from b join dossiers_pauses p on p.reason = 'supplement' and p.from_at >= b.starts and p.from_at < b.ends
             join dossiers d on d.id = p.dossier_id and d.handling_unit_id = b.unit_id
         ) x
         group by unit_id, day, procedure_code, channel`,
};

/** The months of the recounted buckets, locked in a fixed order (two refreshes of one month take turns). */
const LOCK_MONTHS: NamedStatement = {
  name: 'dossiers_stats_lock_months_v1',
  text: `select pg_advisory_xact_lock(hashtextextended('dossiers_stats_monthly:' || unit_id::text || ':' || month::text, 0))
         from (select distinct unit_id, date_trunc('month', day)::date as month from unnest($1::uuid[], $2::date[]) as t(unit_id, day) order by 1, 2) m`,
};

const CLEAR_MONTHS: NamedStatement = {
  name: 'dossiers_stats_clear_months_v1',
  text: `delete from dossiers_stats_monthly s
         using (select distinct unit_id, date_trunc('month', day)::date as month from unnest($1::uuid[], $2::date[]) as t(unit_id, day)) m
         where s.unit_id = m.unit_id and s.month = m.month`,
};

/** A month's rows: the sums of its daily rows (read after the lock, so every committed day is in). */
const ROLLUP_MONTHS: NamedStatement = {
  name: 'dossiers_stats_rollup_months_v3',
  text: `insert into dossiers_stats_monthly (unit_id, month, procedure_code, channel, received, finished_early, finished_on_time, finished_late, withdrawn, stopped,
                                             apologies, supplements, late_held, timed, used_minutes, allowed_minutes, fee_paid, fee_paid_online, fee_vnd, fee_online_vnd)
         select s.unit_id, m.month, s.procedure_code, s.channel, sum(s.received), sum(s.finished_early), sum(s.finished_on_time), sum(s.finished_late),
                sum(s.withdrawn), sum(s.stopped), sum(s.apologies), sum(s.supplements), sum(s.late_held), sum(s.timed), sum(s.used_minutes), sum(s.allowed_minutes),
                sum(s.fee_paid), sum(s.fee_paid_online), sum(s.fee_vnd), sum(s.fee_online_vnd)
         from (select distinct unit_id, date_trunc('month', day)::date as month from unnest($1::uuid[], $2::date[]) as t(unit_id, day)) m
         join dossiers_stats_daily s on s.unit_id = m.unit_id and s.day >= m.month and s.day < (m.month + interval '1 month')::date
         group by s.unit_id, m.month, s.procedure_code, s.channel`,
};

/**
 * Recomputes up to `limit` marked buckets (of `unitIds` only, when given) in one transaction: claimed, cleared and
 * recounted together, so a reader sees a bucket's old rows or its new ones. A bucket marked again meanwhile (a write
 * committed after the recount read) stays marked for the next refresh. Returns how many buckets were recomputed.
 */
export async function refreshIndicatorStats(db: Queryable, options: { limit?: number; unitIds?: readonly string[] } = {}): Promise<number> {
  return db.transaction(async (tx) => {
    const buckets = await executeNamed<{ unitId: string; day: string }>(tx, CLAIM, [options.limit ?? STATS_REFRESH_LIMIT, options.unitIds ? [...options.unitIds] : null]);
    if (buckets.length === 0) return 0;
    const units = buckets.map((b) => b.unitId);
    const days = buckets.map((b) => b.day);
    await executeNamed(tx, CLEAR, [units, days]);
    await executeNamed(tx, RECOUNT, [units, days]);
    await executeNamed(tx, LOCK_MONTHS, [units, days]);
    await executeNamed(tx, CLEAR_MONTHS, [units, days]);
    await executeNamed(tx, ROLLUP_MONTHS, [units, days]);
    return buckets.length;
  });
}

/** The counters of a set of handling units over a period of Vietnamese days (both ends included). */
export interface IndicatorCounts {
  received: number;
  receivedByChannel: { direct: number; online: number; post: number };
  finishedEarly: number;
  finishedOnTime: number;
  finishedLate: number;
  withdrawn: number;
  stopped: number;
  /** Apologies (Mẫu 04) issued and supplements requested in the period, for the units' dossiers. */
  apologies: number;
  supplements: number;
  /** Dossiers finished late in the period that ran late while these units held them (whoever handled them). */
  lateHeld: number;
  /** Of the dossiers finished in the period, those whose working time was counted; the working minutes they used and were allowed. */
  timed: number;
  usedMinutes: number;
  allowedMinutes: number;
  /** Of the dossiers received in the period, those whose fee was taken, and of them paid online; the amounts in VND. */
  feePaid: number;
  feePaidOnline: number;
  feeVnd: number;
  feeOnlineVnd: number;
  /** Received in the period and still being handled now; of them, running past the effective due, and paused. */
  open: number;
  openOverdue: number;
  openPaused: number;
  /** Of the open work still within its due, what the at-risk sweep flagged as likely to run late (calendar-based). */
  openAtRisk: number;
}

/** Several groups of handling units at once (a unit's children, each with its subtree), optionally per month. */
export interface IndicatorGroup {
  key: string;
  unitIds: readonly string[];
}

/** One group's counters (and its month, 'YYYY-MM', when counted per month). */
export interface GroupedIndicatorCounts extends IndicatorCounts {
  key: string;
  month: string | null;
}

// A bucket's day is already Vietnam's day (a month row's, its first day). The period's whole months are read from the
// monthly rows, its partial months ($3..$5 exclusive and $6..$4) from the daily ones.
const TOTALS: NamedStatement = {
  name: 'dossiers_stats_totals_v6',
  text: `select g.key, case when $7::boolean then to_char(x.day, 'YYYY-MM') end as month,
                coalesce(sum(x.received), 0)::int as received,
                coalesce(sum(x.received) filter (where x.channel = 'direct'), 0)::int as direct,
                coalesce(sum(x.received) filter (where x.channel = 'online'), 0)::int as online,
                coalesce(sum(x.received) filter (where x.channel = 'post'), 0)::int as post,
                coalesce(sum(x.finished_early), 0)::int as "finishedEarly",
                coalesce(sum(x.finished_on_time), 0)::int as "finishedOnTime",
                coalesce(sum(x.finished_late), 0)::int as "finishedLate",
                coalesce(sum(x.withdrawn), 0)::int as withdrawn,
                coalesce(sum(x.stopped), 0)::int as stopped,
                coalesce(sum(x.apologies), 0)::int as apologies,
                coalesce(sum(x.supplements), 0)::int as supplements,
                coalesce(sum(x.late_held), 0)::int as "lateHeld",
                coalesce(sum(x.timed), 0)::int as timed,
                coalesce(sum(x.used_minutes), 0)::float8 as "usedMinutes",
                coalesce(sum(x.allowed_minutes), 0)::float8 as "allowedMinutes",
                coalesce(sum(x.fee_paid), 0)::int as "feePaid",
                coalesce(sum(x.fee_paid_online), 0)::int as "feePaidOnline",
                coalesce(sum(x.fee_vnd), 0)::float8 as "feeVnd",
                coalesce(sum(x.fee_online_vnd), 0)::float8 as "feeOnlineVnd"
         from unnest($1::text[], $2::uuid[]) as g(key, unit_id)
         cross join lateral (
           select s.day, s.channel, s.received, s.finished_early, s.finished_on_time, s.finished_late, s.withdrawn, s.stopped, s.apologies, s.supplements, s.late_held, s.timed, s.used_minutes, s.allowed_minutes,
                  s.fee_paid, s.fee_paid_online, s.fee_vnd, s.fee_online_vnd
             from dossiers_stats_daily s
             where s.unit_id = g.unit_id and s.day >= $3::date and s.day < $5::date and ($8::text[] is null or s.procedure_code = any($8::text[]))
           union all
           select s.day, s.channel, s.received, s.finished_early, s.finished_on_time, s.finished_late, s.withdrawn, s.stopped, s.apologies, s.supplements, s.late_held, s.timed, s.used_minutes, s.allowed_minutes,
                  s.fee_paid, s.fee_paid_online, s.fee_vnd, s.fee_online_vnd
             from dossiers_stats_daily s
             where s.unit_id = g.unit_id and s.day >= $6::date and s.day <= $4::date and ($8::text[] is null or s.procedure_code = any($8::text[]))
           union all
           select m.month, m.channel, m.received, m.finished_early, m.finished_on_time, m.finished_late, m.withdrawn, m.stopped, m.apologies, m.supplements, m.late_held, m.timed, m.used_minutes, m.allowed_minutes,
                  m.fee_paid, m.fee_paid_online, m.fee_vnd, m.fee_online_vnd
             from dossiers_stats_monthly m
             where m.unit_id = g.unit_id and m.month >= $5::date and m.month < $6::date and ($8::text[] is null or m.procedure_code = any($8::text[]))
         ) x
         group by 1, 2`,
};

const isoDay = (t: number) => new Date(t).toISOString().slice(0, 10);

/**
 * The whole months inside the days `from`..`to`: [start, end) as first days of months; start = end (the day after
 * `to`) when there is none, so the daily rows cover the whole period.
 */
export function wholeMonthsOf(from: string, to: string): { start: string; end: string } {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const after = new Date(Date.parse(`${to}T00:00:00Z`) + 86_400_000);
  const start = fd === 1 ? from : isoDay(Date.UTC(fy, fm, 1));
  const end = after.getUTCDate() === 1 ? isoDay(after.getTime()) : isoDay(Date.UTC(after.getUTCFullYear(), after.getUTCMonth(), 1));
  if (start >= end) return { start: isoDay(after.getTime()), end: isoDay(after.getTime()) };
  return { start, end };
}

/** Counted from the open work's own index (dossiers_open_handling_received_idx), never from the history. */
const OPEN: NamedStatement = {
  name: 'dossiers_stats_open_v4',
  text: `select g.key, case when $6::boolean then to_char((d.received_at at time zone 'UTC') + interval '7 hours', 'YYYY-MM') end as month,
                count(*)::int as open,
                count(*) filter (where d.state in (${sqlList(RUNNING_STATES)}) and coalesce(d.extended_due_at, d.due_at) < $5::timestamptz)::int as "openOverdue",
                count(*) filter (where d.state in (${sqlList(PAUSED_STATES)}))::int as "openPaused",
                count(*) filter (where d.state in (${sqlList(RUNNING_STATES)}) and d.at_risk and coalesce(d.extended_due_at, d.due_at) >= $5::timestamptz)::int as "openAtRisk"
         from unnest($1::text[], $2::uuid[]) as g(key, unit_id)
         join dossiers d on d.handling_unit_id = g.unit_id and d.state in (${sqlList(OPEN_STATES)})
           and d.received_at >= ($3::text || 'T00:00:00+07:00')::timestamptz and d.received_at < (($4::date + 1)::text || 'T00:00:00+07:00')::timestamptz
           and ($7::text[] is null or d.procedure_code = any($7::text[]))
         group by 1, 2`,
};

/** The months ('YYYY-MM') the days `from`..`to` touch, in order. */
function monthsOf(from: string, to: string): string[] {
  const months: string[] = [];
  let [y, m] = from.slice(0, 7).split('-').map(Number) as [number, number];
  const last = to.slice(0, 7);
  for (;;) {
    const month = `${y}-${String(m).padStart(2, '0')}`;
    months.push(month);
    if (month >= last) return months;
    m += 1;
    if (m > 12) [y, m] = [y + 1, 1];
  }
}

/** Counters of nothing (a group, month or sum before anything is added). */
export const zeroCounts = (): IndicatorCounts => ({
  received: 0,
  receivedByChannel: { direct: 0, online: 0, post: 0 },
  finishedEarly: 0,
  finishedOnTime: 0,
  finishedLate: 0,
  withdrawn: 0,
  stopped: 0,
  apologies: 0,
  supplements: 0,
  lateHeld: 0,
  timed: 0,
  usedMinutes: 0,
  allowedMinutes: 0,
  feePaid: 0,
  feePaidOnline: 0,
  feeVnd: 0,
  feeOnlineVnd: 0,
  open: 0,
  openOverdue: 0,
  openPaused: 0,
  openAtRisk: 0,
});

/**
 * The counters of each group of handling units for the days `from`..`to` (per month when `byMonth`: every month the
 * period touches, zero where nothing happened), after recomputing the buckets of those units still marked (so a
 * dossier finished a moment ago is counted); `now` decides what is past due; `procedureCodes` (when given) keeps only
 * those procedures' dossiers. One row per group (and month), in the order of `groups`.
 */
export async function readIndicatorCountsGrouped(
  db: Queryable,
  query: { groups: readonly IndicatorGroup[]; from: string; to: string; now: Date; byMonth: boolean; procedureCodes?: readonly string[] | null },
): Promise<GroupedIndicatorCounts[]> {
  const codes = query.procedureCodes ? [...query.procedureCodes] : null;
  const keys: string[] = [];
  const units: string[] = [];
  for (const g of query.groups)
    for (const id of g.unitIds) {
      keys.push(g.key);
      units.push(id);
    }
  if (units.length > 0) await refreshIndicatorStats(db, { unitIds: [...new Set(units)] });
  const whole = wholeMonthsOf(query.from, query.to);
  const [totals, open] = await Promise.all([
    executeNamed<Record<string, number> & { key: string; month: string | null }>(db, TOTALS, [keys, units, query.from, query.to, whole.start, whole.end, query.byMonth, codes]),
    executeNamed<Record<string, number> & { key: string; month: string | null }>(db, OPEN, [keys, units, query.from, query.to, query.now.toISOString(), query.byMonth, codes]),
  ]);
  const months = query.byMonth ? monthsOf(query.from, query.to) : [null];
  const rows = new Map<string, GroupedIndicatorCounts>();
  const id = (key: string, month: string | null) => `${key}\u0000${month ?? ''}`;
  for (const g of query.groups) for (const month of months) rows.set(id(g.key, month), { key: g.key, month, ...zeroCounts() });
  for (const t of totals) {
    const row = rows.get(id(t.key, t.month));
    if (!row) continue;
    Object.assign(row, {
      received: t.received!,
      receivedByChannel: { direct: t.direct!, online: t.online!, post: t.post! },
      finishedEarly: t.finishedEarly!,
      finishedOnTime: t.finishedOnTime!,
      finishedLate: t.finishedLate!,
      withdrawn: t.withdrawn!,
      stopped: t.stopped!,
      apologies: t.apologies!,
      supplements: t.supplements!,
      lateHeld: t.lateHeld!,
      timed: t.timed!,
      usedMinutes: t.usedMinutes!,
      allowedMinutes: t.allowedMinutes!,
      feePaid: t.feePaid!,
      feePaidOnline: t.feePaidOnline!,
      feeVnd: t.feeVnd!,
      feeOnlineVnd: t.feeOnlineVnd!,
    });
  }
  for (const o of open) {
    const row = rows.get(id(o.key, o.month));
    if (row) Object.assign(row, { open: o.open!, openOverdue: o.openOverdue!, openPaused: o.openPaused!, openAtRisk: o.openAtRisk! });
  }
  return [...rows.values()];
}

/** The counters of `unitIds` (handling units) for the days `from`..`to`: readIndicatorCountsGrouped with one group. */
export async function readIndicatorCounts(db: Queryable, query: { unitIds: readonly string[]; from: string; to: string; now: Date }): Promise<IndicatorCounts> {
  const [row] = await readIndicatorCountsGrouped(db, { groups: [{ key: '', unitIds: query.unitIds }], from: query.from, to: query.to, now: query.now, byMonth: false });
  const { key: _key, month: _month, ...counts } = row!;
  return counts;
}

const MARKED: NamedStatement = { name: 'dossiers_stats_marked_v1', text: 'select count(*)::int as n from dossiers_stats_dirty' };

/** How many buckets wait for a refresh (tests, and the job's log). */
export async function countMarkedStatsBuckets(db: Queryable): Promise<number> {
  return (await executeNamed<{ n: number }>(db, MARKED, []))[0]!.n;
}

// Per procedure over a period: whole months from the monthly rows, partial months from the daily ones (as TOTALS).
const PROCEDURE_COUNTERS: NamedStatement = {
  name: 'dossiers_stats_procedure_counters_v1',
  text: `select x.procedure_code as code, sum(x.received)::int as received, sum(x.fee_paid)::int as "feePaid", sum(x.fee_paid_online)::int as "feePaidOnline"
         from (
           select s.procedure_code, s.received, s.fee_paid, s.fee_paid_online from dossiers_stats_daily s
             where s.unit_id = any($1::uuid[]) and ((s.day >= $2::date and s.day < $4::date) or (s.day >= $5::date and s.day <= $3::date))
           union all
           select m.procedure_code, m.received, m.fee_paid, m.fee_paid_online from dossiers_stats_monthly m
             where m.unit_id = any($1::uuid[]) and m.month >= $4::date and m.month < $5::date
         ) x
         group by 1
         having sum(x.received) > 0`,
};

/** Per procedure of which `unitIds` received dossiers on the days `from`..`to`: how many, with a fee taken, paid online. */
export async function readProcedureCounters(
  db: Queryable,
  query: { unitIds: readonly string[]; from: string; to: string },
): Promise<Array<{ code: string; received: number; feePaid: number; feePaidOnline: number }>> {
  if (query.unitIds.length === 0) return [];
  await refreshIndicatorStats(db, { unitIds: query.unitIds });
  const whole = wholeMonthsOf(query.from, query.to);
  return executeNamed(db, PROCEDURE_COUNTERS, [[...query.unitIds], query.from, query.to, whole.start, whole.end]);
}
