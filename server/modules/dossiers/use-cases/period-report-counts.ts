// The periodic report's counts (issue 12 item 6, D46): per handling-unit group and procedure code, what a period carried
// over, received, finished and left open. Everything but one column comes from the read model, as every indicator
// does: the work open when the period starts is every bucket before it summed (received less finished, withdrawn and
// stopped: a dossier's due is never null, so every finish has its classification and is counted), the work open at
// its end adds the period's flows. Two things are read from the dossiers by index ranges: how the period's withdrawals
// and stops split between carried-over and new work (dossiers_handling_closed_idx, a few rows), and which of the work
// open at the end was past due then (the open work's partial index, plus the finishes and closings since the end:
// nothing for a period that has just ended, every finish since then for an old one).
// A dossier is open at instant T when it was received before T and had neither its result ready (finished_at) nor been
// withdrawn or stopped (closed_at) before T; past due at T when its effective due (as stored now) is before T.
import { executeNamed, type NamedStatement, type Queryable } from '../../../platform/db/database';
import { OPEN_STATES } from '../dossiers.workflow';
import { refreshIndicatorStats, wholeMonthsOf, type IndicatorGroup } from './indicator-stats';

const sqlList = (states: readonly string[]) => states.map((s) => `'${s}'`).join(',');

/** The work open at the instant $3 that was past due at the instant $4 (<= $3), per group and procedure. */
const OVERDUE_AT: NamedStatement = {
  name: 'dossiers_report_overdue_at_v1',
  text: `select x.key, x.procedure_code as "procedureCode", count(*)::int as overdue
         from (
           select g.key, d.procedure_code
             from unnest($1::text[], $2::uuid[]) as g(key, unit_id)
             join dossiers d on d.handling_unit_id = g.unit_id and d.state in (${sqlList(OPEN_STATES)}) and d.received_at < $3::timestamptz
             where coalesce(d.extended_due_at, d.due_at) < $4::timestamptz
           union all
           select g.key, d.procedure_code
             from unnest($1::text[], $2::uuid[]) as g(key, unit_id)
             join dossiers d on d.handling_unit_id = g.unit_id and d.finished_at is not null and d.finished_at >= $3::timestamptz
             where d.received_at < $3::timestamptz and coalesce(d.extended_due_at, d.due_at) < $4::timestamptz
           union all
           select g.key, d.procedure_code
             from unnest($1::text[], $2::uuid[]) as g(key, unit_id)
             join dossiers d on d.handling_unit_id = g.unit_id and d.state in ('WITHDRAWN','STOPPED') and d.closed_at >= $3::timestamptz
             where d.received_at < $3::timestamptz and d.finished_at is null and coalesce(d.extended_due_at, d.due_at) < $4::timestamptz
         ) x
         group by 1, 2`,
};

/** Withdrawn or stopped between $3 and $4: by whether they were received before $3, and online or not. */
const CLOSED_IN: NamedStatement = {
  name: 'dossiers_report_closed_in_v1',
  text: `select g.key, d.procedure_code as "procedureCode",
                count(*) filter (where d.received_at < $3::timestamptz)::int as "closedCarried",
                count(*) filter (where d.received_at >= $3::timestamptz and d.channel = 'online')::int as "closedOnline",
                count(*) filter (where d.received_at >= $3::timestamptz and d.channel <> 'online')::int as "closedOther"
         from unnest($1::text[], $2::uuid[]) as g(key, unit_id)
         join dossiers d on d.handling_unit_id = g.unit_id and d.state in ('WITHDRAWN','STOPPED') and d.closed_at >= $3::timestamptz and d.closed_at < $4::timestamptz
         group by 1, 2`,
};

/** Open before the day $3: every bucket before it (whole months from the monthly rows, $3's month from the daily ones). */
const OPEN_BEFORE: NamedStatement = {
  name: 'dossiers_report_open_before_v1',
  text: `select g.key, x.procedure_code as "procedureCode",
                coalesce(sum(x.received - x.finished_early - x.finished_on_time - x.finished_late - x.withdrawn - x.stopped), 0)::int as open
         from unnest($1::text[], $2::uuid[]) as g(key, unit_id)
         cross join lateral (
           select m.procedure_code, m.received, m.finished_early, m.finished_on_time, m.finished_late, m.withdrawn, m.stopped from dossiers_stats_monthly m
             where m.unit_id = g.unit_id and m.month < $4::date
           union all
           select s.procedure_code, s.received, s.finished_early, s.finished_on_time, s.finished_late, s.withdrawn, s.stopped from dossiers_stats_daily s
             where s.unit_id = g.unit_id and s.day >= $4::date and s.day < $3::date
         ) x
         group by 1, 2`,
};

// The period's flows per procedure: whole months from the monthly rows, partial months from the daily ones (as TOTALS).
const FLOWS: NamedStatement = {
  name: 'dossiers_report_flows_v2',
  text: `select g.key, x.procedure_code as "procedureCode",
                coalesce(sum(x.received) filter (where x.channel = 'online'), 0)::int as "receivedOnline",
                coalesce(sum(x.received) filter (where x.channel <> 'online'), 0)::int as "receivedOther",
                coalesce(sum(x.finished_early), 0)::int as "finishedEarly",
                coalesce(sum(x.finished_on_time), 0)::int as "finishedOnTime",
                coalesce(sum(x.finished_late), 0)::int as "finishedLate",
                coalesce(sum(x.withdrawn + x.stopped), 0)::int as closed
         from unnest($1::text[], $2::uuid[]) as g(key, unit_id)
         cross join lateral (
           select s.procedure_code, s.channel, s.received, s.finished_early, s.finished_on_time, s.finished_late, s.withdrawn, s.stopped from dossiers_stats_daily s
             where s.unit_id = g.unit_id and ((s.day >= $3::date and s.day < $5::date) or (s.day >= $6::date and s.day <= $4::date))
           union all
           select m.procedure_code, m.channel, m.received, m.finished_early, m.finished_on_time, m.finished_late, m.withdrawn, m.stopped from dossiers_stats_monthly m
             where m.unit_id = g.unit_id and m.month >= $5::date and m.month < $6::date
         ) x
         group by 1, 2`,
};

/** One group's and procedure's counts for the periodic report. */
export interface PeriodReportCounts {
  key: string;
  procedureCode: string;
  /** Open when the period starts (Biểu "kỳ trước chuyển qua"), less those withdrawn or stopped during the period. */
  carriedOver: number;
  /** Received during the period online / at the desk or by post, less those withdrawn or stopped during the period. */
  newOnline: number;
  newOther: number;
  /** Results ready during the period, by classification. */
  finishedEarly: number;
  finishedOnTime: number;
  finishedLate: number;
  /** Open when the period ends (or now, while it runs), and of them past due at that instant. */
  open: number;
  openOverdue: number;
  /** Withdrawn or stopped during the period (left out of the columns above; the report notes them). */
  withdrawnOrStopped: number;
}

type Row = Record<string, number> & { key: string; procedureCode: string };

/**
 * The periodic report's counts of each group of handling units for the days `from`..`to` (Vietnamese days, both
 * included), per procedure code, after recomputing the groups' marked buckets. For every row:
 * carriedOver + newOnline + newOther = finishedEarly + finishedOnTime + finishedLate + open.
 * Only (group, procedure) pairs with something to count are returned.
 */
export async function readPeriodReportCounts(db: Queryable, query: { groups: readonly IndicatorGroup[]; from: string; to: string; now: Date }): Promise<PeriodReportCounts[]> {
  const keys: string[] = [];
  const units: string[] = [];
  for (const g of query.groups)
    for (const id of g.unitIds) {
      keys.push(g.key);
      units.push(id);
    }
  if (units.length === 0) return [];
  await refreshIndicatorStats(db, { unitIds: [...new Set(units)] });
  const start = new Date(`${query.from}T00:00:00+07:00`).toISOString();
  const after = new Date(Date.parse(`${query.to}T00:00:00+07:00`) + 86_400_000);
  // Past due is judged at the period's end, or now while the period runs.
  const judged = (after.getTime() < query.now.getTime() ? after : query.now).toISOString();
  const whole = wholeMonthsOf(query.from, query.to);
  const [before, flows, closed, overdue] = await Promise.all([
    executeNamed<Row>(db, OPEN_BEFORE, [keys, units, query.from, `${query.from.slice(0, 7)}-01`]),
    executeNamed<Row>(db, FLOWS, [keys, units, query.from, query.to, whole.start, whole.end]),
    executeNamed<Row>(db, CLOSED_IN, [keys, units, start, after.toISOString()]),
    executeNamed<Row>(db, OVERDUE_AT, [keys, units, after.toISOString(), judged]),
  ]);
  const rows = new Map<string, PeriodReportCounts>();
  const row = (key: string, procedureCode: string) => {
    const id = `${key}\u0000${procedureCode}`;
    let r = rows.get(id);
    if (!r) {
      r = { key, procedureCode, carriedOver: 0, newOnline: 0, newOther: 0, finishedEarly: 0, finishedOnTime: 0, finishedLate: 0, open: 0, openOverdue: 0, withdrawnOrStopped: 0 };
      rows.set(id, r);
    }
    return r;
  };
  // Open at the end = open at the start + received - finished - withdrawn or stopped (all in the period).
  for (const b of before) {
    const r = row(b.key, b.procedureCode);
    r.carriedOver += b.open!;
    r.open += b.open!;
  }
  for (const f of flows) {
    const r = row(f.key, f.procedureCode);
    r.newOnline += f.receivedOnline!;
    r.newOther += f.receivedOther!;
    r.finishedEarly += f.finishedEarly!;
    r.finishedOnTime += f.finishedOnTime!;
    r.finishedLate += f.finishedLate!;
    r.open += f.receivedOnline! + f.receivedOther! - f.finishedEarly! - f.finishedOnTime! - f.finishedLate! - f.closed!;
  }
  // What was withdrawn or stopped in the period leaves the columns it came in by.
  for (const c of closed) {
    const r = row(c.key, c.procedureCode);
    r.carriedOver -= c.closedCarried!;
    r.newOnline -= c.closedOnline!;
    r.newOther -= c.closedOther!;
    r.withdrawnOrStopped += c.closedCarried! + c.closedOnline! + c.closedOther!;
  }
  for (const o of overdue) row(o.key, o.procedureCode).openOverdue += o.overdue!;
  return [...rows.values()].filter((r) => r.carriedOver + r.newOnline + r.newOther + r.finishedEarly + r.finishedOnTime + r.finishedLate + r.open + r.withdrawnOrStopped > 0);
}
